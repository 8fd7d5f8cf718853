// The resume link holds the answer key after "#", which a browser never sends to a server, so
// no access log holds it. Post it in the form body instead, and drop it from the address bar.
(function () {
  var form = document.getElementById("hervat");
  var key = window.location.hash.slice(1);
  if (!form || !key) {
    return;
  }
  window.history.replaceState(null, "", window.location.pathname);
  form.elements.sleutel.value = key;
  form.submit();
})();
