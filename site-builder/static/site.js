// The main menu behind a button on narrow screens. Without this script the menu simply
// stays open, so every page still works without JavaScript.
(function () {
  var nav = document.querySelector('.main-menu');
  var list = nav && nav.querySelector('ul');
  if (!list) return;
  list.id = list.id || 'main-menu-list';
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'menu-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', list.id);
  button.textContent = nav.getAttribute('data-toggle') || 'Меню';
  button.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  nav.insertBefore(button, list);
  nav.classList.add('collapsible');
})();
