// Progressive enhancement of a regency/city list grouped by province: only the chosen province's
// group stays in the list, and a choice from another province is cleared. Without JavaScript the
// whole grouped list is there and the server checks that the two agree.
(function () {
  document.querySelectorAll('select[data-provinsi-dari]').forEach(function (kota) {
    var prov = document.getElementById(kota.getAttribute('data-provinsi-dari'));
    if (!prov) return;
    var grup = Array.prototype.slice.call(kota.querySelectorAll('optgroup[data-provinsi]'));
    function saring() {
      var p = prov.value;
      grup.forEach(function (g) {
        var cocok = !p || g.getAttribute('data-provinsi') === p;
        if (cocok && !g.parentNode) kota.appendChild(g);
        if (!cocok && g.parentNode) {
          if (g.contains(kota.options[kota.selectedIndex])) kota.value = '';
          kota.removeChild(g);
        }
      });
    }
    prov.addEventListener('change', saring);
    saring();
  });
})();
