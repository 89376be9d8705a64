// What other scripts leave behind: crypto helpers and a Sharokey placeholder (a queue stub).
window.CryptoJS = { AES: { encrypt: () => 'not ours' } };
window.encrypt = () => 'page encrypt';
window.base64 = { encode: () => 'page base64' };
window.deriveKey = () => 'page deriveKey';
window.Sharokey = { q: [], placeholder: true };
window.request = 'page request';
