// The console's only script; every page works without it (the server checks every choice again).
// The Copy button next to a just-issued Auth Key.
document.querySelectorAll('[data-copy]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    var source = document.getElementById(button.getAttribute('data-copy'));
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = 'Copied';
    });
  });
});

// Create a user: the Role list follows the picked company, fetched from the form page for that
// company (?company=X), so that what was typed stays; the role picked stays if that company has it.
document.querySelectorAll('select[data-roles-from]').forEach(function (company) {
  company.addEventListener('change', function () {
    var role = document.getElementById('role');
    fetch(company.getAttribute('data-roles-from') + '?company=' + encodeURIComponent(company.value),
        { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('role');
        var picked = role.value;
        role.replaceChildren.apply(role, Array.prototype.slice.call(fresh.options));
        if (Array.prototype.some.call(role.options, function (option) { return option.value === picked; })) {
          role.value = picked;
        }
      });
  });
});
