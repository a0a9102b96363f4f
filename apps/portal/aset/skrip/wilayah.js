// Progressive enhancement of the registration form: the regency/city list follows the province, and
// the instansi list follows the province, the regency/city and the words typed in the search box,
// with the number found announced. Without JavaScript the "Tampilkan" and "Cari" buttons reload the
// form with the same lists instead.
(function () {
  var prov = document.getElementById('provinsi');
  var kota = document.getElementById('kota');
  var inst = document.getElementById('instansi_id');
  var cari = document.getElementById('cari_instansi');
  var jumlah = document.getElementById('jumlah-instansi');
  if (!prov || !kota || !inst) return;
  ['muat-wilayah', 'cari-instansi-tombol'].forEach(function (id) {
    var t = document.getElementById(id);
    if (t) t.hidden = true;
  });
  function isi(select, awal, items, nilai, label) {
    var dipilih = select.value;
    select.innerHTML = '';
    var o = document.createElement('option');
    o.value = ''; o.textContent = awal; select.appendChild(o);
    items.forEach(function (it) {
      var op = document.createElement('option');
      op.value = it[nilai]; op.textContent = it[label];
      if (it[nilai] === dipilih) op.selected = true;
      select.appendChild(op);
    });
  }
  var urutan = 0;
  function muatInstansi() {
    var p = prov.value;
    if (!p) return;
    var q = cari ? cari.value.trim() : '';
    var nomor = ++urutan;
    var url = '/api/v1/instansi?provinsi=' + encodeURIComponent(p) + '&kota=' +
      encodeURIComponent(kota.value) + '&q=' + encodeURIComponent(q);
    fetch(url).then(function (r) { return r.json(); }).then(function (d) {
      if (nomor !== urutan) return;
      isi(inst, '— pilih instansi, atau tambahkan di bawah —', d.items, 'id', 'nama');
      if (jumlah) jumlah.textContent = d.items.length + ' instansi ditemukan' + (q ? ' untuk “' + q + '”' : '') + '.';
    });
  }
  prov.addEventListener('change', function () {
    var p = prov.value;
    if (!p) return;
    kota.value = '';
    fetch('/api/v1/wilayah/provinsi/' + encodeURIComponent(p) + '/kota').then(function (r) { return r.json(); })
      .then(function (d) { isi(kota, '— pilih kabupaten/kota —', d.items, 'kode', 'nama'); muatInstansi(); });
  });
  kota.addEventListener('change', muatInstansi);
  if (cari) {
    var tunda;
    cari.addEventListener('input', function () { clearTimeout(tunda); tunda = setTimeout(muatInstansi, 250); });
    // Enter in the search box searches instead of submitting the whole form.
    cari.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); clearTimeout(tunda); muatInstansi(); }
    });
  }
})();
