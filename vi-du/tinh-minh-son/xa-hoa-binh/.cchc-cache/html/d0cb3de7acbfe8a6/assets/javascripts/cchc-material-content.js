// Material for MkDocs' inline script after the content (partials/javascripts/content.html),
// unchanged, as a file for the Content-Security-Policy (checked by tests/test_csp.py).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
