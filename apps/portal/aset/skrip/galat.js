// Form errors for assistive technology, on every page that shows an error summary: the title
// says "Galat:", each field in error is marked invalid and described by its message, and the
// summary takes the focus so a screen reader reads it first. The pages work without it.
document.addEventListener('DOMContentLoaded', function () {
  var ringkasan = document.getElementById('ringkasan-galat');
  if (!ringkasan) return;
  if (document.title.indexOf('Galat: ') !== 0) document.title = 'Galat: ' + document.title;
  var blok = document.querySelectorAll('.isian-galat');
  for (var i = 0; i < blok.length; i++) {
    var pesan = blok[i].querySelector('.pesan-galat');
    if (pesan && !pesan.id) pesan.id = 'pesan-galat-' + i;
    var medan = blok[i].querySelectorAll('input:not([type=hidden]):not([type=search]), select, textarea');
    for (var j = 0; j < medan.length; j++) {
      // Fields drawn by the design system's macros carry both already.
      if (medan[j].hasAttribute('aria-invalid')) continue;
      medan[j].setAttribute('aria-invalid', 'true');
      var lain = medan[j].getAttribute('aria-describedby');
      if (pesan) medan[j].setAttribute('aria-describedby', lain ? pesan.id + ' ' + lain : pesan.id);
    }
  }
  ringkasan.focus();
});
