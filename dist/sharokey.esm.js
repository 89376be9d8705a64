/*! Sharokey drop-in script v1.0.0 | MIT */

// src/errors.ts
var BRAND = /* @__PURE__ */ Symbol.for("sharokey.error");
var SharokeyError = class extends Error {
  constructor(message, init = {}) {
    super(message, init);
    Object.assign(this, init);
  }
};
var AuthenticationError = class extends SharokeyError {
};
var PermissionError = class extends SharokeyError {
};
var NotFoundError = class extends SharokeyError {
};
var QuotaExceededError = class extends SharokeyError {
};
var RateLimitError = class extends SharokeyError {
};
var ValidationError = class extends SharokeyError {
};
var AttachmentError = class extends ValidationError {
};
var NetworkError = class extends SharokeyError {
};
var TimeoutError = class extends NetworkError {
};
var CryptoError = class extends SharokeyError {
};
var shaped = (e, server) => server || e instanceof TypeError || e instanceof RangeError ? new NetworkError("The server's answer is not the protocol's", { cause: e }) : e;
var CLASSES = [SharokeyError, AuthenticationError, PermissionError, NotFoundError, QuotaExceededError, RateLimitError, ValidationError, AttachmentError, NetworkError, TimeoutError, CryptoError];
var NAMES = "Sharokey Authentication_ERROR Permission_DENIED NotFound QuotaExceeded RateLimit_EXCEEDED Validation_ERROR Attachment_ERROR Network_ERROR Timeout Crypto_ERROR";
NAMES.split(" ").map((n, i) => {
  const name = n.split("_")[0] + "Error";
  const code = i ? n.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase() : "ERROR";
  const C = CLASSES[i];
  Object.assign(C.prototype, { code, status: 0, details: void 0, cause: void 0 });
  for (const o of [C, C.prototype]) Object.defineProperty(o, "name", { __proto__: null, value: name, writable: true });
});
SharokeyError.prototype[BRAND] = 1;
var isSharokeyError = (e) => !!e && e[BRAND] === 1;

// src/limits.ts
var LIMITS = {
  /** Secret content, in Unicode code points. */
  content: [1, 255],
  /** Expiration of a secret or a request, in whole hours. */
  hours: [1, 8760],
  /** Maximum views of a secret, whole. */
  views: [1, 1e3],
  /** description, message: at most this many code points. */
  text: 255,
  /** An e-mail address, in characters (RFC 5321's path limit). */
  email: 254,
  /** Password, in code points. */
  password: [4, 100],
  /** ip_whitelist and geolocation strings, in characters. */
  list: 255,
  /** Attachments per secret. */
  files: 10,
  /** Plaintext bytes of all attachments together (10 MB). */
  bytes: 10 * 1024 * 1024
};

// src/validate.ts
var isText = (v) => typeof v == "string";
var NONE = /* @__PURE__ */ Object.create(null);
var keys = Object.keys;
var validate = (values, schema) => {
  const details = {};
  for (const k of keys(schema)) {
    const v = Object.hasOwn(values, k) ? values[k] : void 0;
    const m = v == null && !schema[k].required ? "" : schema[k](v);
    if (m) details[k] = [m];
    for (const u of keys(values)) if (u != k && bare(u) == bare(k)) details[u] = ["is not an option: write " + k];
  }
  const fields = keys(details);
  if (fields.length) {
    throw new (fields + "" == "attachments" ? AttachmentError : ValidationError)("Invalid " + fields.map((f) => f + ": " + details[f]).join("; "), { details });
  }
};
var checkOptions = (o, schema = {}, args) => validate({ ...o, ...args, options: o }, { options: obj, signal, ...schema });
var snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
var bare = (k) => k.replace(/_/g, "").toLowerCase();
var required = (c) => Object.assign((v) => c(v), { required: 1 });
var text = ([min, max]) => (v) => {
  let n = -1;
  try {
    n = (encodeURIComponent(v), [...v].length);
  } catch {
  }
  return isText(v) && n >= min && n <= max ? "" : `must be text of ${min} to ${max} characters`;
};
var int = ([min, max]) => (v) => Number.isInteger(v) && v >= min && v <= max ? "" : `must be a whole number from ${min} to ${max}`;
var oneOf = (...values) => (v) => values.includes(v) ? "" : "must be " + values.join(" or ");
var obj = (v) => v && typeof v == "object" ? "" : "must be an object";
var object = required(obj);
var is = (type) => (v) => typeof v == type ? "" : "must be a " + type;
var email = (v) => isText(v) && v.length <= LIMITS.email && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v) ? "" : "must be an e-mail address";
var signal = (v) => typeof v?.throwIfAborted == "function" ? "" : "must be an AbortSignal";
var slug = required((v) => isText(v) && /^(?!\.\.?$)[\w.~-]{1,255}$/.test(v) ? "" : "must be an ID (A-Za-z0-9_.~-), not a link");
var toPhone = (v) => /^\+\d{8,15}$/.test(v = v.replace(/[\s.()-]/g, "")) && v;
var phone = (v) => isText(v) && toPhone(v) ? "" : "must be + then 8 to 15 digits";
var ISO = atob("eFnf7u+93d4nP4QVgNQADgBcCbCf+xUAjQYYeA9AQAMAHSv0QYFP/fz/1yVLCAABQDyPUwEAAEAAUfH95zq7n5pBEARXhUAAAkAAAAAAEAAIBEAAAQ==");
var isCountry = (c) => {
  const i = (c.charCodeAt(0) & 31) * 26 + (c.charCodeAt(1) & 31) - 27;
  return /^[a-z]{2}$/i.test(c) && (ISO.charCodeAt(i >> 3) >> (i & 7) & 1) == 1;
};
var toUrl = (url) => {
  try {
    return new URL(url);
  } catch {
  }
};
var isPublicIp = (entry) => {
  const [addr, bits, extra] = entry.split("/");
  const v6 = addr.includes(":");
  const max = v6 ? 128 : 32;
  const h = toUrl(v6 ? `http://[${addr}]` : "http://" + addr)?.hostname;
  const n = bits ?? max;
  if (!h || extra != null || !/^\d{1,3}$/.test(n + "") || +n > max || !(v6 ? /^(?!.*(\b:$|\b0\d+\.|\.0\d))[\da-f:.]+$/i.test(addr) : h == addr && /^(\d+\.){3}\d+$/.test(h))) return false;
  let span = 1 << Math.max(0, 16 - +n);
  let i = v6 ? parseInt(h.slice(1), 16) || 0 : parseInt(h) << 8 | parseInt(h.split(".")[1]);
  for (i -= i % span; span--; i++) {
    if (v6 ? !i || i > 64511 : [0, 10, 127].includes(i >> 8) || i > (223 << 8 | 255) || i >> 6 == (100 << 2 | 1) || i >> 4 == (172 << 4 | 1) || i == (169 << 8 | 254) || i == (192 << 8 | 168)) return false;
  }
  return true;
};
var entries = (v) => (Array.isArray(v) ? v : isText(v) ? v.split(",") : [0]).map((s) => isText(s) ? s.trim() : "");
var listOf = (ok, what) => (v) => {
  const items = entries(v);
  const bad = items[0] ? items.find((s) => !s || !ok(s)) : "";
  return items.join().length > LIMITS.list ? `must be at most ${LIMITS.list} characters` : bad == null ? "" : `must list only ${what}, not "${bad}"`;
};
var parseLink = (url, field, key) => {
  const u = toUrl(isText(url) ? url.replace(key ? /^\W+|([\w-])[^\w-]+$/g : /^\W+|([\w.~-])[^\w.~-]+$/g, "$1") : url);
  const id = u?.pathname.split("/").filter(Boolean).pop();
  const k = u?.hash.slice(1);
  validate({ [field]: 0 }, { [field]: () => !slug(id) ? key && !key.test(k || "") ? "has no valid key after #: was the link cut?" : "" : "must be the whole link" });
  return [id, k];
};

// src/crypto/base64.ts
var toBase64 = (data) => {
  const bytes = new Uint8Array(data);
  if (bytes.toBase64) return bytes.toBase64();
  let s = "";
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(0, bytes.subarray(i, i + 4096));
  return btoa(s);
};
var ALTERED = "Could not decrypt (the view is used): wrong key, or altered data";
var fromBase64 = (text2) => {
  try {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text2);
    const s = atob(text2);
    return new Uint8Array(s.length).map((_, i) => s.charCodeAt(i));
  } catch (cause) {
    throw new CryptoError(ALTERED, { cause });
  }
};

// src/crypto/keys.ts
var subtle = () => {
  if (!crypto.subtle) throw new CryptoError("No WebCrypto: serve the page over https://");
  return crypto.subtle;
};
var utf8 = (s) => new TextEncoder().encode(s);
var fromUtf8 = (b) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);
var randomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));
var randomKey = (length = 32) => {
  let key = "";
  while (key.length < length) {
    for (let b of randomBytes(length)) if (b < 248 && key.length < length) key += String.fromCharCode((b %= 62) + (b < 26 ? 65 : b < 52 ? 71 : -4));
  }
  return key;
};

// src/crypto/seal.ts
var PBKDF2_ITERATIONS = 1e4;
var aesKey = async (alg, raw2) => subtle().deriveKey(
  alg,
  await subtle().importKey("raw", raw2, alg.name, false, ["deriveKey"]),
  { name: "AES-GCM", length: 256 },
  false,
  ["encrypt", "decrypt"]
);
var deriveKey = (k, salt) => aesKey({ name: "PBKDF2", salt, iterations: PBKDF2_ITERATIONS, hash: "SHA-256" }, utf8(k));
var sealer = (key) => {
  const used = /* @__PURE__ */ new Set();
  return async (plain) => {
    let iv;
    let bytes;
    do
      iv = toBase64(bytes = randomBytes(12));
    while (used.has(iv));
    used.add(iv);
    return { iv, data: toBase64(await subtle().encrypt({ __proto__: null, name: "AES-GCM", iv: bytes }, key, plain)) };
  };
};
var open = async (key, iv, data) => {
  try {
    return await subtle().decrypt({ __proto__: null, name: "AES-GCM", iv: fromBase64(iv) }, key, fromBase64(data));
  } catch (cause) {
    throw new CryptoError(ALTERED, { cause });
  }
};

// src/crypto/exchange.ts
var EC = { name: "ECDH", namedCurve: "P-256" };
var raw = async (k) => toBase64(await subtle().exportKey("raw", k));
var pair = () => subtle().generateKey(EC, true, ["deriveBits"]);
var newRequestKeys = async () => {
  const { publicKey, privateKey } = await pair();
  return [await raw(publicKey), (await subtle().exportKey("jwk", privateKey)).d];
};
var agree = async (priv, pub, token) => aesKey(
  { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: utf8("sharokey-request-v1:" + token) },
  await subtle().deriveBits({ name: "ECDH", public: pub }, priv, 256)
);
var point = async (b64) => subtle().importKey("raw", fromBase64(b64), EC, true, []);
var sealTo = async (publicKey, token, text2) => {
  const eph = await pair();
  const iv = randomBytes(12);
  const pub = await point(publicKey).catch((cause) => {
    throw new CryptoError("Invalid public key: ask for a new request", { cause });
  });
  const data = await subtle().encrypt({ __proto__: null, name: "AES-GCM", iv }, await agree(eph.privateKey, pub, token), utf8(text2));
  return [await raw(eph.publicKey), toBase64(iv), toBase64(data)].join(".");
};
var openSealed = async (d, publicKey, token, sealed) => {
  try {
    const [epk, iv, data] = sealed.split(".");
    const priv = await subtle().importKey("jwk", { ...await subtle().exportKey("jwk", await point(publicKey)), d, key_ops: void 0 }, EC, false, ["deriveBits"]);
    return fromUtf8(await subtle().decrypt({ __proto__: null, name: "AES-GCM", iv: fromBase64(iv) }, await agree(priv, await point(epk), token), fromBase64(data)));
  } catch (cause) {
    throw new CryptoError("Could not open the answer: wrong key, or altered data", { cause });
  }
};

// src/transport/request.ts
var NO_TOKEN = "No token: call config({ token }) or give getToken";
var anonymous = (cfg) => ({ ...cfg, anonymous: true });
var BY_STATUS = {
  400: ValidationError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  408: TimeoutError,
  413: AttachmentError,
  422: ValidationError,
  429: RateLimitError
};
var classOf = (status, code) => code == null ? status == 408 || status == 429 ? BY_STATUS[status] : NetworkError : CLASSES.find((C) => C != SharokeyError && C.prototype.code == code) ?? (status > 499 ? NetworkError : /^((PASSWORD|OTP|CAPTCHA)_REQUIRED|INVALID_(PASSWORD|OTP))$/.test(code) ? PermissionError : code == "PAYLOAD_TOO_LARGE" ? AttachmentError : BY_STATUS[status] ?? (status > 399 ? ValidationError : NetworkError));
var json = (body) => {
  const big = [];
  const mark = randomKey(24);
  const text2 = JSON.stringify(body, function(k) {
    const v = this[k];
    return k == "data" && v.length > 65536 ? mark + (big.push(v) - 1) + mark : v ?? void 0;
  });
  return big.length ? new Blob(text2.split(mark).map((part, i) => i % 2 ? big[+part] : part)) : text2;
};
var webUrl = (url, base) => {
  const u = new URL(url, base);
  if (!/^https?:$/.test(u.protocol)) throw TypeError();
  return u;
};
var unlessAborted = (p, signal2, ms) => {
  let stop, timer;
  return new Promise((ok, no) => {
    stop = () => no(signal2.reason);
    timer = setTimeout(ok, ms);
    if (signal2?.aborted) stop();
    signal2?.addEventListener("abort", stop);
    p.then(ok, no);
  }).finally(() => {
    clearTimeout(timer);
    signal2?.removeEventListener("abort", stop);
  });
};
var attempt = async (cfg, path, method, user, token, body) => {
  const where = ` (${method ?? "GET"} ${path.split("?")[0]}`;
  const ctl = new AbortController();
  user?.throwIfAborted();
  const abort = () => ctl.abort(user.reason);
  user?.addEventListener("abort", abort);
  const timer = setTimeout(() => ctl.abort(), cfg.timeout);
  const headers = {};
  if (body) headers["Content-Type"] = "application/json";
  if (token) {
    headers.Authorization = "Bearer " + token;
    if (cfg.company) headers["X-Sharokey-Company"] = cfg.company;
  }
  let res, json2;
  try {
    res = await fetch(cfg.apiUrl + path, { __proto__: null, method, signal: ctl.signal, headers, body, redirect: "manual" });
    json2 = await res.text();
  } catch (cause) {
    if (user?.aborted) throw user.reason;
    throw ctl.signal.aborted ? new TimeoutError(`No answer within ${cfg.timeout} ms${where})`, { cause }) : new NetworkError(`The server could not be reached${where}): check apiUrl, the network and CORS`, { cause });
  } finally {
    clearTimeout(timer);
    user?.removeEventListener("abort", abort);
  }
  try {
    json2 = JSON.parse(json2);
  } catch {
    json2 = 0;
  }
  if (res.ok && json2?.success === true) return json2;
  const e = json2?.error ?? {};
  const status = res.status;
  const after = res.headers.get("Retry-After");
  const C = classOf(status, json2 ? e.code ?? "" : void 0);
  throw new C((json2 ? e.message ?? "Request failed" : status ? "The server did not answer with JSON" : "The server redirected: check apiUrl") + where + ": " + status + ")", {
    status,
    ...e.code && { code: e.code },
    ...e.details && { details: e.details },
    // delta-seconds or an HTTP date, on a 429 and on any other answer that says when to come back (503, RFC 9110)
    ...after && { retryAfter: Math.max(0, Math.ceil(+after >= 0 ? +after : (Date.parse(after) - Date.now()) / 1e3)) || 0 }
  });
};
var request = async (cfg, path, o, method, data) => {
  const signal2 = o?.signal ?? cfg.signal;
  signal2?.throwIfAborted();
  let token;
  if (!cfg.anonymous) {
    try {
      token = cfg.getToken ? await unlessAborted((async () => cfg.getToken())(), signal2, cfg.timeout) : cfg.token;
    } catch (cause) {
      signal2?.throwIfAborted();
      throw new AuthenticationError("getToken() failed", { cause });
    }
    if (!isText(token) || !token) throw new AuthenticationError(cfg.getToken ? `getToken() must give a non-empty string within ${cfg.timeout} ms` : NO_TOKEN);
  }
  const body = data && json(data);
  for (let n = 0; ; n++) {
    try {
      return await attempt(cfg, path, method, signal2, token, body);
    } catch (e) {
      const after = e?.retryAfter * 1e3;
      if (n >= cfg.retries || after > cfg.timeout || !(e instanceof RateLimitError || method != "POST" && e instanceof NetworkError)) throw e;
      await unlessAborted(new Promise(() => {
      }), signal2, after || Math.min(250 << n, 8e3, cfg.timeout));
    }
  }
};

// src/api/secrets.ts
var note = text([0, LIMITS.text]);
var CREATE = {
  content: required(text(LIMITS.content)),
  hours: required(int(LIMITS.hours)),
  views: required(int(LIMITS.views)),
  description: note,
  message: note,
  password: text(LIMITS.password),
  captcha: is("boolean"),
  otpEmail: email,
  otpPhone: phone,
  ipWhitelist: listOf(isPublicIp, "public IPv4/IPv6 addresses or ranges"),
  geolocation: listOf(isCountry, "ISO 3166-1 alpha-2 country codes"),
  onProgress: is("function"),
  // respond()'s: the requester's public key, given out of band (create() has no use for it);
  // '' is a check asked for and left empty, refused as create() refuses password: ''.
  publicKey: text([1, LIMITS.text]),
  attachments: (v) => {
    let total = 0;
    let i = 0;
    return !(Array.isArray(v) || {}.toString.call(v) == "[object FileList]") ? "must be an array of files" : (v = [...v]).length > LIMITS.files ? `must be at most ${LIMITS.files} files` : !v.every((f) => ++i && typeof f?.arrayBuffer == "function" && f.size && !text([1, LIMITS.text])(f.name) && (total += f.size)) ? `file ${i} must be a non-empty File (or a Blob with a name), named in 1 to ${LIMITS.text} characters` : total > LIMITS.bytes ? `must be at most ${LIMITS.bytes >> 20} MB in all` : "";
  }
};
var checkCreate = (content, hours, views, o) => checkOptions(o, CREATE, { content, hours, views });
var tell = (o, p) => {
  try {
    o?.onProgress?.(p);
  } catch (e) {
    (globalThis.reportError || console.error)(e);
  }
};
var encryptSecret = async (content, hours, views, o, checked) => {
  checked || checkCreate(content, hours, views, o);
  o ??= NONE;
  const { otpPhone, otpEmail, password, ipWhitelist: ips, geolocation: geo } = o;
  const [security, gate] = otpPhone ? ["otp_phone", { otp_type: "phone", otp_receiver: toPhone(otpPhone) }] : otpEmail ? ["otp_email", { otp_type: "email", otp_receiver: otpEmail }] : password ? ["password", { password }] : o.captcha ? ["captcha", { captcha: true }] : ["none", {}];
  const attachments = [...o.attachments ?? []];
  const total = attachments.reduce((n, f) => n + f.size, 0);
  const k = randomKey();
  const salt = randomBytes(16);
  const seal = sealer(await deriveKey(k, salt));
  const sealed = await seal(utf8(content));
  const files = [];
  let loaded = 0;
  for (const f of attachments) {
    tell(o, { phase: "encrypt", loaded, total });
    const bytes = await f.arrayBuffer().catch((cause) => {
      throw new AttachmentError(`Invalid attachments: file ${files.length + 1} could not be read`, { cause, details: { attachments: ["could not be read"] } });
    });
    files.push({ name: f.name, ...await seal(bytes), size: f.size });
    loaded += f.size;
    o.signal?.throwIfAborted();
  }
  tell(o, { phase: "upload", loaded, total });
  return {
    k,
    total,
    security,
    body: {
      content: sealed.data,
      iv: sealed.iv,
      salt: toBase64(salt),
      key: k.slice(0, 8),
      expiration_hours: hours,
      maximum_views: views,
      description: o.description,
      message: o.message,
      ...gate,
      ip_whitelist: ips && entries(ips).join(),
      geolocation: geo && entries(geo).join().toUpperCase(),
      ...total && { attachments: files, attachments_total_size: total }
    }
  };
};
var create = async (cfg, content, hours = 24, views = 1, o) => {
  const { body, k, security, total } = await encryptSecret(content, hours, views, o);
  const { data } = await request(cfg, "/secrets", o, "POST", body);
  webUrl(data.access_url);
  tell(o, { phase: "done", loaded: total, total });
  return { ...data, share_url: data.access_url + "#" + k.slice(8), security };
};
var filters = (...statuses) => ({
  status: oneOf(...statuses),
  limit: int([1, 100]),
  page: int([1, 1e9]),
  creator: email,
  search: note
});
var query = (q) => {
  const s = new URLSearchParams(Object.entries({ ...q }).filter(([k, v]) => v != null && k != "signal")) + "";
  return s && "?" + s;
};
var page = ({ data, meta, pagination = meta?.pagination }) => {
  const p = data?.items ? { pagination, ...data } : { items: data, pagination };
  if (!Array.isArray(p.items)) throw TypeError();
  return p;
};
var listSecrets = async (cfg, f) => {
  checkOptions(f, filters("active", "expired"));
  return page(await request(cfg, "/secrets" + query(f), f));
};
var at = (base, field, id, o) => {
  checkOptions(o, { [field]: slug }, { [field]: id });
  return base + id;
};
var getDetails = async (cfg, id, o) => (await request(cfg, at("/secrets/", "slug", id, o), o)).data;
var deleteSecret = async (cfg, id, o) => !!await request(cfg, at("/secrets/", "slug", id, o), o, "DELETE");

// src/api/stats.ts
var day = (v) => {
  const d = v instanceof Date ? v : isText(v) && /^\d{4}-\d\d-\d\d$/.test(v) ? new Date(v) : 0;
  const s = d && d <= d ? d.toISOString().slice(0, 10) : "";
  return (isText(v) ? s == v : /^\d{4}-/.test(s)) ? s : "";
};
var date = (v) => day(v) ? "" : "must be a valid Date or YYYY-MM-DD";
var range = (r) => {
  const from = day(r?.from), to = day(r?.to);
  checkOptions(r, { from: (v) => date(v) || (to && from > to ? "must not be after to" : ""), to: date });
  return query({ from: from || null, to: to || null });
};
var getStats = async (cfg, r) => (await request(cfg, "/secrets-stats" + range(r), r)).data;
var getTokenStats = async (cfg, o) => {
  checkOptions(o);
  const d = (await request(cfg, "/tokens-stats", o)).data;
  delete d?.token;
  d?.tokens?.map?.((t) => delete t?.token);
  return d;
};

// src/api/reveal.ts
var secret = text([0, 4096]);
var REVEAL = { password: secret, otp: secret, captchaToken: secret };
var reveal = (cfg, shareUrl, o) => openShare(cfg, shareLink(shareUrl), o);
var shareLink = (url) => parseLink(url, "shareUrl", /^[A-Za-z0-9]{24}$/);
var openShare = async (cfg, [slug2, keyB], o) => {
  subtle();
  fromUtf8(utf8(""));
  checkOptions(o, REVEAL);
  const { password, otp, captchaToken } = o ?? NONE;
  const pub = anonymous(cfg);
  const info = (await request(pub, `/public/secrets/${slug2}`, o)).data || {};
  const s = (await request(pub, `/public/secrets/${slug2}/open`, o, "POST", { password: password || null, otp: otp || null, captcha_token: captchaToken || null })).data || {};
  const key = await deriveKey(s.key + keyB, fromBase64(s.salt));
  return {
    content: fromUtf8(await open(key, s.iv, s.content)),
    message: s.message ?? info.message ?? null,
    // A secret made by the official script has no attachment iv: it used the content iv.
    attachments: await Promise.all((s.attachments ?? []).map(async (a) => new File([await open(key, a.iv ?? s.iv, a.data)], a.name)))
  };
};
var sendOtp = async (cfg, shareUrl, o) => {
  const [slug2] = parseLink(shareUrl, "shareUrl");
  checkOptions(o);
  return (await request(anonymous(cfg), `/public/secrets/${slug2}/otp`, o, "POST")).data;
};

// src/api/requests.ts
var REQUEST = {
  message: note,
  description: note,
  emailTo: email,
  emailReply: email,
  locale: oneOf("en", "fr"),
  secretExpirationHours: int(LIMITS.hours),
  requestExpirationHours: int(LIMITS.hours),
  maximumViews: int(LIMITS.views)
};
var createRequest = async (cfg, o) => {
  checkOptions(o, REQUEST);
  const [publicKey, privateKey] = await newRequestKeys();
  const body = { public_key: publicKey };
  for (const k of keys(REQUEST)) body[snake(k)] = o?.[k];
  const { data } = await request(cfg, "/requests", o, "POST", body);
  const r = data.request ?? data;
  const url = webUrl(r.url ?? "/r/" + r.token, cfg.apiUrl);
  return { ...r, url: "" + url, public_key: publicKey, inbox_url: new URL("/i/" + r.token, url.origin) + "#" + privateKey };
};
var listRequests = async (cfg, f) => {
  checkOptions(f, filters("active", "completed", "expired"));
  return page(await request(cfg, "/requests" + query(f), f));
};
var getRequest = async (cfg, token, o) => (await request(cfg, at("/requests/", "token", token, o), o)).data;
var deleteRequest = async (cfg, token, o) => !!await request(cfg, at("/requests/", "token", token, o), o, "DELETE");
var requestStats = async (cfg, r) => (await request(cfg, "/requests-stats" + range(r), r)).data;
var respond = async (cfg, requestUrl, content, o) => {
  const [token] = parseLink(requestUrl, "requestUrl");
  subtle();
  checkCreate(content, 1, 1, o);
  const pub = anonymous(cfg);
  const { data: r } = await request(pub, `/public/requests/${token}`, o);
  const key = r.public_key;
  if (!key) throw new NotFoundError("This request has no public key: ask for a new one", { code: "NO_PUBLIC_KEY" });
  if (o?.publicKey && o.publicKey !== key) throw new CryptoError("publicKey is not the request's key: nothing was sent", { code: "KEY_MISMATCH" });
  const { body, k } = await encryptSecret(content, r.secret_expiration_hours ?? 24, r.maximum_views ?? 1, o, 1);
  body.sealed_key = await sealTo(key, token, k.slice(8));
  const { data: { ...answer } } = await request(pub, `/public/requests/${token}/respond`, o, "POST", body);
  return answer;
};
var openRequest = async (cfg, inboxUrl, o) => {
  const [token, privateKey] = parseLink(inboxUrl, "inboxUrl", /^[\w-]{43}(\.[\w-]{43}\.[\w-]{43})?$/);
  subtle();
  checkOptions(o, REVEAL);
  const r = (await request(cfg, "/requests/" + token, o)).data;
  const open2 = r.status == "active";
  if (!r.sealed_key || !r.public_key || !r.secret_url) throw new NotFoundError(open2 ? "No answer yet: try again later" : "No answer will open: the request is " + r.status, { code: open2 ? "REQUEST_PENDING" : "REQUEST_CLOSED" });
  let link;
  try {
    link = shareLink(r.secret_url + "#" + await openSealed(privateKey.slice(0, 43), r.public_key, token, r.sealed_key));
  } catch (e) {
    throw e instanceof ValidationError ? shaped(e, 1) : e;
  }
  return { ...await openShare(cfg, link, o), request: r };
};

// src/api/analyze.ts
var count = (v) => (typeof v == "number" ? v >= 0 && v < Infinity : isText(v) && /^\d+(\.\d+)?$/.test(v)) ? "" : "must be a number of 0 or more";
var NAMES2 = "total_secrets active_secrets expired_secrets total_views secrets_with_password secrets_created_today secrets_created_this_week".split(" ");
var FIELDS = Object.fromEntries(NAMES2.map((k) => [k, count]));
var analyzeStats = (stats2) => {
  const s = Object(stats2?.data ?? stats2);
  validate({ ...s, stats: stats2 }, { stats: object, ...FIELDS });
  const n = (i) => s[NAMES2[i]] == null ? NaN : +s[NAMES2[i]];
  const total = n(0 /* total */);
  const rate = (x, by = 100) => total && x >= 0 ? x / total * by : null;
  const active = rate(n(1 /* active */));
  const password = rate(n(4 /* password */));
  const today = n(5 /* today */);
  const r = {
    passwordProtectionRate: password,
    viewEfficiency: rate(n(3 /* views */), 1),
    expirationRate: rate(n(2 /* expired */)),
    activeRate: active,
    activityLevel: today > 10 || n(6 /* week */) > 50 ? "high" : "normal",
    retention: active == null ? null : active > 20 ? "high" : active < 5 ? "low" : "moderate",
    retentionHealth: active == null ? null : active < 20 ? "good" : "review",
    recommendations: [
      (password ?? 99) < 30 && "Under 30% of secrets have a password: protect sensitive content and review security policies with the team",
      active > 50 && "Over 50% of secrets are active: secrets may live too long, consider shorter default expirations",
      today > 50 && "Over 50 secrets today: watch the rate limits, queue requests on the client, use bulk operations"
    ].filter(Boolean)
  };
  for (const k of keys(r)) r[snake(k)] = r[k];
  return r;
};

// src/api/diagnostics.ts
var health = async (cfg, o) => {
  checkOptions(o);
  return (await request(anonymous(cfg), "/health", o)).data;
};
var listOne = (cfg) => request(cfg, "/secrets?limit=1");
var CHECKS = [
  ["configuration", "", async (cfg) => {
    if (!cfg.token && !cfg.getToken) throw Error(NO_TOKEN);
    return "A token is set; API " + cfg.apiUrl;
  }],
  ["network", "", async (cfg) => `The server answers (${(await health(cfg)).status})`],
  // A token without the read scope is still a valid token.
  ["authentication", "", async (cfg) => (await listOne(cfg).catch((e) => {
    if (!(e instanceof PermissionError)) throw e;
  }), "The token is accepted")],
  ["read access", "read", async (cfg) => (await listOne(cfg), "Secrets can be listed")],
  ["write access", "write", async (cfg) => {
    await deleteSecret(cfg, (await create(cfg, "Sharokey test() secret", 1, 1, { __proto__: null, description: "Sharokey test(): deleted at once" })).slug);
    return "A 1-hour, 1-view test secret was created and deleted";
  }],
  ["statistics", "stats", async (cfg) => `Statistics can be read (total_secrets: ${(await getStats(cfg)).total_secrets})`]
];
var test = async (cfg, o) => {
  cfg = withSignal(cfg, o);
  const details = [];
  let passed = 0;
  for (const [name, scope, run] of CHECKS) {
    let message = "Skipped: fix the checks above first", success = false;
    if (details.length < 2 || passed > 1) {
      try {
        message = await run(cfg);
        success = true;
        passed++;
      } catch (e) {
        cfg.signal?.throwIfAborted();
        message = e instanceof AuthenticationError && e.status ? "The token was refused: check it, and that it is not revoked or expired" : e instanceof PermissionError && scope ? `The token lacks the "${scope}" scope${cfg.company ? ` or the company "${cfg.company}"` : ""}: use a token that has it` : String(shaped(e)?.message ?? e);
      }
    }
    details.push({ name, success, message });
  }
  return { passed, total: 6, success: passed == 6, details };
};
var testConnection = async (cfg, o) => listOne(cfg = withSignal(cfg, o)).then(() => true, (e) => {
  cfg.signal?.throwIfAborted();
  return e instanceof PermissionError;
});
var withSignal = (cfg, o) => (checkOptions(o), { ...cfg, signal: o?.signal });

// src/client.ts
var DEFAULT_API_URL = "https://api.sharokey.com/api/v1";
var DEFAULTS = { apiUrl: DEFAULT_API_URL, timeout: 3e4, retries: 2, token: void 0, getToken: void 0, company: void 0, signal: void 0, anonymous: void 0 };
var CONFIG = {
  token: text([1, 4096]),
  getToken: is("function"),
  apiUrl: (v) => isText(v) && /^https?:\/\/[^/]/.test(v) ? "" : "must be an http(s) URL",
  timeout: int([1, 36e5]),
  retries: int([0, 10]),
  company: text([1, 255])
};
var METHODS = {
  create,
  list: listSecrets,
  getDetails,
  delete: deleteSecret,
  getStats,
  getTokenStats,
  reveal,
  sendOtp,
  createRequest,
  listRequests,
  getRequest,
  deleteRequest,
  requestStats,
  respond,
  openRequest,
  health,
  test,
  testConnection
};
var createClient = (options = {}) => {
  const cfg = { ...DEFAULTS };
  const client = {
    // Every error class by its name (set on each class and prototype in errors.ts).
    ...Object.fromEntries(CLASSES.map((C) => [C.name, C])),
    isSharokeyError,
    version: "1.0.0",
    analyzeStats,
    createClient,
    config(o = {}) {
      validate({ ...o, options: o }, { options: object, ...CONFIG });
      for (const k in CONFIG) if (Object.hasOwn(o, k)) cfg[k] = o[k] ?? DEFAULTS[k];
      cfg.apiUrl = cfg.apiUrl.replace(/\/+$/, "");
      return client;
    },
    getConfig: () => ({ apiUrl: cfg.apiUrl, timeout: cfg.timeout, retries: cfg.retries, hasToken: !!(cfg.token || cfg.getToken), ...cfg.company && { company: cfg.company } })
  };
  for (const [name, fn] of Object.entries(METHODS)) {
    const own = (x) => Object.getPrototypeOf(x ?? 0) == Object.prototype ? Object.assign(/* @__PURE__ */ Object.create(null), x) : x;
    client[name] = (...a) => {
      let c;
      return new Promise((ok) => ok(fn({ ...cfg }, ...c = a.map(own)))).catch((cause) => {
        throw !c || c.some((x) => x?.signal?.reason === cause) ? cause : shaped(cause);
      });
    };
  }
  client.get = client.getDetails;
  client.stats = client.getStats;
  return client.config(options);
};

// src/index.ts
var g = globalThis.Sharokey;
var Sharokey = g?.isSharokeyError && g.version == "1.0.0" ? g : createClient();
var index_default = Sharokey;
var version = Sharokey.version;
var config = Sharokey.config;
var getConfig = Sharokey.getConfig;
var create2 = Sharokey.create;
var list = Sharokey.list;
var getDetails2 = Sharokey.getDetails;
var get = Sharokey.get;
var getStats2 = Sharokey.getStats;
var stats = Sharokey.stats;
var getTokenStats2 = Sharokey.getTokenStats;
var analyzeStats2 = Sharokey.analyzeStats;
var reveal2 = Sharokey.reveal;
var sendOtp2 = Sharokey.sendOtp;
var createRequest2 = Sharokey.createRequest;
var listRequests2 = Sharokey.listRequests;
var getRequest2 = Sharokey.getRequest;
var deleteRequest2 = Sharokey.deleteRequest;
var requestStats2 = Sharokey.requestStats;
var respond2 = Sharokey.respond;
var openRequest2 = Sharokey.openRequest;
var health2 = Sharokey.health;
var test2 = Sharokey.test;
var testConnection2 = Sharokey.testConnection;
var deleteSecret2 = Sharokey.delete;
var createClient2 = Sharokey.createClient;
var isSharokeyError2 = Sharokey.isSharokeyError;
var SharokeyError2 = Sharokey.SharokeyError;
var AuthenticationError2 = Sharokey.AuthenticationError;
var PermissionError2 = Sharokey.PermissionError;
var NotFoundError2 = Sharokey.NotFoundError;
var QuotaExceededError2 = Sharokey.QuotaExceededError;
var RateLimitError2 = Sharokey.RateLimitError;
var ValidationError2 = Sharokey.ValidationError;
var AttachmentError2 = Sharokey.AttachmentError;
var NetworkError2 = Sharokey.NetworkError;
var TimeoutError2 = Sharokey.TimeoutError;
var CryptoError2 = Sharokey.CryptoError;
export {
  AttachmentError2 as AttachmentError,
  AuthenticationError2 as AuthenticationError,
  CryptoError2 as CryptoError,
  DEFAULT_API_URL,
  NetworkError2 as NetworkError,
  NotFoundError2 as NotFoundError,
  PermissionError2 as PermissionError,
  QuotaExceededError2 as QuotaExceededError,
  RateLimitError2 as RateLimitError,
  SharokeyError2 as SharokeyError,
  TimeoutError2 as TimeoutError,
  ValidationError2 as ValidationError,
  analyzeStats2 as analyzeStats,
  config,
  create2 as create,
  createClient2 as createClient,
  createRequest2 as createRequest,
  index_default as default,
  deleteSecret2 as delete,
  deleteRequest2 as deleteRequest,
  get,
  getConfig,
  getDetails2 as getDetails,
  getRequest2 as getRequest,
  getStats2 as getStats,
  getTokenStats2 as getTokenStats,
  health2 as health,
  isSharokeyError2 as isSharokeyError,
  list,
  listRequests2 as listRequests,
  openRequest2 as openRequest,
  requestStats2 as requestStats,
  respond2 as respond,
  reveal2 as reveal,
  sendOtp2 as sendOtp,
  stats,
  test2 as test,
  testConnection2 as testConnection,
  version
};
//# sourceMappingURL=sharokey.esm.js.map
