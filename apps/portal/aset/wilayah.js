// Progressive enhancement of the registration form: fills the regency/city and instansi lists when
// the province changes. Without JavaScript the "Tampilkan" button reloads the form instead.
(function () {
  var prov = document.getElementById('provinsi');
  var kota = document.getElementById('kota');
  var inst = document.getElementById('instansi_id');
  var tombol = document.getElementById('muat-wilayah');
  if (!prov || !kota || !inst) return;
  if (tombol) tombol.hidden = true;
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
  prov.addEventListener('change', function () {
    var p = prov.value;
    if (!p) return;
    fetch('/api/v1/wilayah/provinsi/' + encodeURIComponent(p) + '/kota').then(function (r) { return r.json(); })
      .then(function (d) { isi(kota, '— pilih kabupaten/kota —', d.items, 'kode', 'nama'); });
    fetch('/api/v1/instansi?provinsi=' + encodeURIComponent(p)).then(function (r) { return r.json(); })
      .then(function (d) { isi(inst, '— pilih instansi, atau tambahkan di bawah —', d.items, 'id', 'nama'); });
  });
})();
