// What the mock's three pages (viewer, responder, inbox) share: loaded after
// /sharokey.min.js and before the page's own script, as `SharokeyPage`.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);

  /** Writes the page's status line; kind is '', 'ok' or 'error'. */
  const say = (text, kind = '') => {
    $('status').textContent = text;
    $('status').className = kind;
  };

  /**
   * Text as shown: direction overrides and control characters (but line breaks and tabs)
   * become U+FFFD, so that a name or a message cannot pose as another on screen
   * ("invoice\u202Efdp.exe" would read "invoiceexe.pdf").
   */
  const shown = (text) => String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');

  const bytes = (n) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`);

  /**
   * Shows an opened secret (reveal() or openRequest()): its content, message and files as
   * downloads; `label` goes before the message (whose words they are).
   */
  const show = (result, form, done, label = '') => {
    $(form).hidden = true;
    $('result').hidden = false;
    $('content').value = result.content;
    if (result.message) {
      $('message').textContent = label + shown(result.message);
      $('message').hidden = false;
    }
    for (const file of result.attachments || []) {
      const link = document.createElement('a');
      // A download, whatever the file holds: untyped, an HTML file opened in a tab may be sniffed as a page of this origin.
      link.href = URL.createObjectURL(new Blob([file], { type: 'application/octet-stream' }));
      link.download = shown(file.name);
      link.textContent = `${shown(file.name)} (${bytes(file.size)})`;
      const item = document.createElement('li');
      item.append(link);
      $('files').append(item);
    }
    say(done, 'ok');
    // The focus goes to what was opened (the form that had it is hidden now).
    $('content').focus();
  };

  /**
   * An element that can hold the focus: not <body>, not disabled, not hidden (a hidden or
   * disabled element may still be the active one for a moment: its focus is lost all the same).
   */
  const usable = (element) => element && element !== document.body && !element.disabled && element.getClientRects().length > 0;

  /** True when the focus is lost, or still on `button`: nothing the person chose would be taken from them. */
  const focusFree = (button) => !usable(document.activeElement) || document.activeElement === button;

  /**
   * After a task whose button was disabled while it ran: a focus that fell to <body> (the
   * button disabled, or its form hidden) goes back to the button, else to the status line, so
   * that a keyboard or screen reader user keeps their place.
   */
  const settle = (button) => {
    if (usable(document.activeElement)) return;
    if (usable(button)) return button.focus();
    $('status').tabIndex = -1;
    $('status').focus();
  };

  const describedBy = (field) => (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== 'status');

  /**
   * A field the person must fix: `text` in the status line, the field marked invalid and
   * described by it, and the focus there (not on the button, far from the words) unless
   * `focus` is false (after a server's answer, when the person moved the focus meanwhile).
   */
  const fix = (id, text, focus = true) => {
    say(text, 'error');
    const field = $(id);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', [...describedBy(field), 'status'].join(' '));
    if (focus) field.focus();
  };

  /** Undoes fix() on the fields `ids`. */
  const fixed = (...ids) => {
    for (const field of ids.map($)) {
      field.removeAttribute('aria-invalid');
      const rest = describedBy(field);
      if (rest.length) field.setAttribute('aria-describedby', rest.join(' '));
      else field.removeAttribute('aria-describedby');
    }
  };

  /** The copy button of an opened secret, when the page has one. */
  $('copy')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('content').value);
    } catch {
      $('content').select();
      document.execCommand('copy');
    }
    $('copied').textContent = 'Copied.';
  });

  /** The address's last path segment, decoded (`/s/%`, which cannot be, as it is: the API knows no such id). */
  const lastSegment = () => {
    const last = location.pathname.split('/').filter(Boolean).pop() || '';
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  };

  window.SharokeyPage = { $, say, show, shown, lastSegment, settle, focusFree, fix, fixed };
})();
