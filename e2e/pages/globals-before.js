// What other scripts leave behind: crypto helpers and a Sharokey placeholder (a queue stub).
window.CryptoJS = { AES: { encrypt: () => 'not ours' } };
window.encrypt = () => 'page encrypt';
window.base64 = { encode: () => 'page base64' };
window.deriveKey = () => 'page deriveKey';
window.Sharokey = { q: [], placeholder: true };
window.request = 'page request';
// An old bundle's Object.assign polyfill, installed unconditionally: for...in copies string keys only.
Object.assign = function (target) {
  for (var i = 1; i < arguments.length; i++) for (var k in arguments[i]) if (Object.prototype.hasOwnProperty.call(arguments[i], k)) target[k] = arguments[i][k];
  return target;
};
