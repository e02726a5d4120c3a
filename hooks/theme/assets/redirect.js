// Redirect pages (hooks/guidesite/templates/redirect.html.j2) lead to their page's canonical
// address. Their meta refresh drops the #part of the address, so a trainer's link to one tip
// would land at the top of the page: this keeps it.
location.replace(document.querySelector('link[rel="canonical"]').href + location.hash);
