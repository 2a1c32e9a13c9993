import './public.css';

// An iPad asking for the desktop site sends a Mac's user agent; only its touch screen tells it apart. The server
// then recommended a Mac file: put the iOS file first instead, when the release has one.
const detected = document.body.dataset.detected;
const ios = document.querySelector<HTMLAnchorElement>('a[data-platform="ios"]');
const recommended = document.querySelector<HTMLAnchorElement>('a.recommended');
if (detected === 'macos' && navigator.maxTouchPoints > 1 && ios && recommended && ios !== recommended) {
  const mac = recommended.cloneNode(true) as HTMLAnchorElement;
  mac.className = 'file';
  recommended.replaceWith(ios.cloneNode(true));
  (document.querySelector('a.file[data-platform="ios"]') ?? ios).replaceWith(mac);
  document.querySelector('a[data-platform="ios"]')?.classList.replace('file', 'recommended');
}
