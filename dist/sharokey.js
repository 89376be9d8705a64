/*! Sharokey drop-in script v1.0.0 | MIT */
"use strict";
(() => {
  var __defProp = Object.defineProperty;
  var __export = (target, all) => {
    for (var name2 in all)
      __defProp(target, name2, { get: all[name2], enumerable: true });
  };

  // src/errors.ts
  var errors_exports = {};
  __export(errors_exports, {
    AttachmentError: () => AttachmentError,
    AuthenticationError: () => AuthenticationError,
    CryptoError: () => CryptoError,
    NetworkError: () => NetworkError,
    NotFoundError: () => NotFoundError,
    PermissionError: () => PermissionError,
    QuotaExceededError: () => QuotaExceededError,
    RateLimitError: () => RateLimitError,
    SharokeyError: () => SharokeyError,
    TimeoutError: () => TimeoutError,
    ValidationError: () => ValidationError,
    isSharokeyError: () => isSharokeyError
  });
  var BRAND = /* @__PURE__ */ Symbol.for("sharokey.error");
  var SharokeyError = class extends Error {
    constructor(message, init = {}) {
      super(message, { cause: init.cause });
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
  var name = (C, n, code) => {
    Object.assign(C.prototype, { name: n + "Error", code, status: 0, [BRAND]: 1 });
  };
  name(SharokeyError, "Sharokey", "ERROR");
  name(AuthenticationError, "Authentication", "AUTHENTICATION_ERROR");
  name(PermissionError, "Permission", "PERMISSION_DENIED");
  name(NotFoundError, "NotFound", "NOT_FOUND");
  name(QuotaExceededError, "QuotaExceeded", "QUOTA_EXCEEDED");
  name(RateLimitError, "RateLimit", "RATE_LIMIT_EXCEEDED");
  name(ValidationError, "Validation", "VALIDATION_ERROR");
  name(AttachmentError, "Attachment", "ATTACHMENT_ERROR");
  name(NetworkError, "Network", "NETWORK_ERROR");
  name(TimeoutError, "Timeout", "TIMEOUT");
  name(CryptoError, "Crypto", "CRYPTO_ERROR");
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
  var chars = (s) => [...s].length;
  var wellFormed = (s) => {
    try {
      return !!encodeURIComponent(s);
    } catch {
      return false;
    }
  };
  var text = (min, max) => (v) => !isText(v) ? "must be a string" : !wellFormed(v) ? "has a broken character (a lone surrogate)" : chars(v) < min || chars(v) > max ? `must be ${min} to ${max} characters` : "";
  var int = ([min, max]) => (v) => Number.isInteger(v) && v >= min && v <= max ? "" : `must be a whole number from ${min} to ${max}`;
  var oneOf = (...values) => (v) => values.includes(v) ? "" : "must be " + values.join(" or ");
  var email = (v) => isText(v) && v.length <= LIMITS.text && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v) ? "" : "must be an e-mail address";
  var phone = (v) => isText(v) && /^\+\d{8,15}$/.test(v = v.replace(/[\s.()-]/g, "")) ? v : void 0;
  var ISO = atob("eFnf7u+93d4nP4QVgNQADgBcCbCf+xUAjQYYeA9AQAMAHSv0QYFP/fz/1yVLCAABQDyPUwEAAEAAUfH95zq7n5pBEARXhUAAAkAAAAAAEAAIBEAAAQ==");
  var isCountry = (c) => {
    const i = (c.charCodeAt(0) - 65) * 26 + c.charCodeAt(1) - 65;
    return /^[A-Z]{2}$/.test(c) && (ISO.charCodeAt(i >> 3) >> (i & 7) & 1) == 1;
  };
  var v4 = (s) => {
    const p = s.split(".");
    return p.length == 4 && p.every((x) => /^(0|[1-9]\d{0,2})$/.test(x) && +x < 256) ? p.map(Number) : void 0;
  };
  var publicV4 = ([a, b]) => !(a == 0 || a == 10 || a == 127 || a >= 224 || a == 100 && b >> 6 == 1 || a == 169 && b == 254 || a == 172 && b >> 4 == 1 || a == 192 && b == 168);
  var v6 = (s) => {
    const m = s.match(/^(.*:)(\d+\.[\d.]+)$/);
    if (m) {
      const q = v4(m[2]);
      if (!q) return;
      s = m[1] + (q[0] << 8 | q[1]).toString(16) + ":" + (q[2] << 8 | q[3]).toString(16);
    }
    const halves = s.split("::");
    const part = (h = "") => h ? h.split(":") : [];
    const a = part(halves[0]), b = part(halves[1]);
    const fill = 8 - a.length - b.length;
    const g2 = [...a, ...Array(halves.length > 1 ? fill : 0).fill("0"), ...b];
    return halves.length < 3 && (halves.length > 1 ? fill > 0 : !fill) && g2.every((x) => /^[\da-f]{1,4}$/i.test(x)) ? g2.map((x) => parseInt(x, 16)) : void 0;
  };
  var publicV6 = (g2) => {
    if (g2.slice(0, 5).some(Boolean)) return g2[0] < 64512;
    if (g2[5] == 65535) return publicV4([g2[6] >> 8, g2[6] & 255]);
    return !g2[5] && (g2[6] > 0 || g2[7] > 1);
  };
  var isPublicIp = (entry) => {
    const [addr = "", bits, extra] = entry.split("/");
    const a = v4(addr), b = a ? void 0 : v6(addr);
    const max = a ? 32 : 128;
    return !extra && (a ? publicV4(a) : !!b && publicV6(b)) && (bits == null || /^\d{1,3}$/.test(bits) && +bits <= max);
  };
  var list = (v, ok, what) => {
    const items = (Array.isArray(v) ? v : isText(v) ? v.split(",") : [null]).map((s) => isText(s) ? s.trim() : "");
    const joined = items.join(",");
    return [
      joined,
      !items.length || joined.length > LIMITS.list ? `must be 1 to ${LIMITS.list} characters` : items.every((s) => s && ok(s)) ? "" : "must list only " + what
    ];
  };
  var Invalid = class {
    d = {};
    /** Records `message` for `field` unless it is ''. */
    add(field, message) {
      if (message) (this.d[field] ??= []).push(message);
    }
    /** Runs `check` on `v` unless it is absent (undefined or null). */
    opt(field, v, check) {
      if (v != null) this.add(field, check(v));
    }
    /** Throws a ValidationError (an AttachmentError when only files are at fault). */
    throw() {
      const fields = Object.keys(this.d);
      if (fields.length) {
        const C = fields + "" == "attachments" ? AttachmentError : ValidationError;
        throw new C("Invalid " + fields.map((f) => `${f}: ${this.d[f].join(", ")}`).join("; "), { details: this.d });
      }
    }
  };

  // src/crypto/base64.ts
  var toBase64 = (bytes) => {
    if (bytes.toBase64) return bytes.toBase64();
    let s = "";
    for (let i = 0; i < bytes.length; i += 32768) s += String.fromCharCode(...bytes.subarray(i, i + 32768));
    return btoa(s);
  };
  var fromBase64 = (text2) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(text2) : Uint8Array.from(atob(text2), (c) => c.charCodeAt(0));

  // src/crypto/keys.ts
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  var randomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));
  var randomKey = (length = 32) => {
    let key = "";
    while (key.length < length) {
      for (const b of randomBytes(length)) if (b < 248 && key.length < length) key += ALPHABET[b % 62];
    }
    return key;
  };

  // src/crypto/seal.ts
  var PBKDF2_ITERATIONS = 1e4;
  var subtle = () => crypto.subtle;
  var deriveKey = async (k, salt) => subtle().deriveKey(
    { name: "PBKDF2", salt, iterations: PBKDF2_ITERATIONS, hash: "SHA-256" },
    await subtle().importKey("raw", new TextEncoder().encode(k), "PBKDF2", false, ["deriveKey"]),
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"]
  );
  var sealer = (key) => {
    const used = /* @__PURE__ */ new Set();
    return async (plain) => {
      let iv;
      let bytes;
      do
        iv = toBase64(bytes = randomBytes(12));
      while (used.has(iv));
      used.add(iv);
      return { iv, data: toBase64(new Uint8Array(await subtle().encrypt({ name: "AES-GCM", iv: bytes }, key, plain))) };
    };
  };
  var open = async (key, iv, data) => {
    try {
      return await subtle().decrypt({ name: "AES-GCM", iv: fromBase64(iv) }, key, fromBase64(data));
    } catch (cause) {
      throw new CryptoError("Could not decrypt: the link is incomplete or the data was altered", { cause });
    }
  };

  // src/transport/request.ts
  var BY_CODE = {
    AUTHENTICATION_ERROR: AuthenticationError,
    PERMISSION_DENIED: PermissionError,
    PASSWORD_REQUIRED: PermissionError,
    INVALID_PASSWORD: PermissionError,
    OTP_REQUIRED: PermissionError,
    INVALID_OTP: PermissionError,
    CAPTCHA_REQUIRED: PermissionError,
    NOT_FOUND: NotFoundError,
    QUOTA_EXCEEDED: QuotaExceededError,
    RATE_LIMIT_EXCEEDED: RateLimitError,
    VALIDATION_ERROR: ValidationError,
    PAYLOAD_TOO_LARGE: AttachmentError
  };
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
  var retryAfter = (h) => {
    if (!h) return;
    const s = +h >= 0 ? +h : (Date.parse(h) - Date.now()) / 1e3;
    return s >= 0 ? Math.ceil(s) : void 0;
  };
  var toError = (res, json, where) => {
    const e = json?.error;
    const s = res.status;
    const C = !e ? s == 429 || s == 408 ? BY_STATUS[s] : NetworkError : BY_CODE[e.code] ?? (s >= 500 ? NetworkError : BY_STATUS[s] ?? SharokeyError);
    return new C(`${typeof e?.message == "string" ? e.message : e ? "Request failed" : "The server did not answer with JSON"} (${where}: ${s})`, {
      status: s,
      ...e?.code && { code: e.code },
      ...e?.details && { details: e.details },
      ...s == 429 && { retryAfter: retryAfter(res.headers.get("Retry-After")) }
    });
  };
  var attempt = async (cfg, path, c, token) => {
    const method = c.method ?? "GET";
    const where = method + " " + path.split("?")[0];
    const ctl = new AbortController();
    const user = c.signal;
    const abort = () => ctl.abort(user.reason);
    user?.addEventListener("abort", abort);
    const timer = setTimeout(() => ctl.abort(), cfg.timeout);
    let res, text2;
    try {
      res = await fetch(cfg.apiUrl + path, {
        method,
        signal: ctl.signal,
        headers: {
          Accept: "application/json",
          ...c.body !== void 0 && { "Content-Type": "application/json" },
          ...token && { Authorization: "Bearer " + token },
          ...cfg.company && { "X-Sharokey-Company": cfg.company }
        },
        body: c.body === void 0 ? void 0 : JSON.stringify(c.body)
      });
      text2 = await res.text();
    } catch (cause) {
      if (user?.aborted) throw user.reason;
      throw ctl.signal.aborted ? new TimeoutError(`No answer within ${cfg.timeout} ms (${where})`, { cause }) : new NetworkError(`The server could not be reached (${where}); check apiUrl, the network and CORS`, { cause });
    } finally {
      clearTimeout(timer);
      user?.removeEventListener("abort", abort);
    }
    let json;
    try {
      json = JSON.parse(text2);
    } catch {
    }
    if (res.ok && json?.success === true) return json;
    throw toError(res, json, where);
  };
  var sleep = (ms, signal) => new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
  var request = async (cfg, path, c = {}) => {
    c.signal?.throwIfAborted();
    let token;
    if (c.auth !== false) {
      try {
        token = cfg.getToken ? await cfg.getToken() : cfg.token;
      } catch (cause) {
        throw new AuthenticationError("getToken() failed", { cause });
      }
      if (!token || typeof token != "string") throw new AuthenticationError("No token: call Sharokey.config({ token }) or give getToken");
    }
    for (let n = 0; ; n++) {
      try {
        return await attempt(cfg, path, c, token);
      } catch (e) {
        const again = e instanceof RateLimitError || c.method != "POST" && e instanceof NetworkError && !(e instanceof TimeoutError && !e.status);
        const wait = e.retryAfter * 1e3 || 250 * 2 ** n;
        if (n >= cfg.retries || !again || wait > cfg.timeout) throw e;
        await sleep(wait, c.signal);
      }
    }
  };

  // src/api/secrets.ts
  var slugCheck = (v) => isText(v) && /^[\w-]{1,64}$/.test(v) ? "" : "must be a slug (letters, digits, - or _)";
  var descr = text(0, LIMITS.text);
  var segment = (field, v) => {
    const bad = new Invalid();
    bad.add(field, slugCheck(v));
    bad.throw();
    return v;
  };
  var query = (q) => {
    const s = new URLSearchParams(Object.entries(q).filter(([k, v]) => v != null && k != "signal")) + "";
    return s && "?" + s;
  };
  var page = (env) => {
    const d = env.data;
    return Array.isArray(d) ? { items: d, pagination: env.pagination } : { items: d.items, pagination: env.pagination ?? d.pagination };
  };
  var checkCreate = (content, hours, views, o) => {
    const bad = new Invalid();
    bad.add("content", text(...LIMITS.content)(content));
    bad.add("hours", int(LIMITS.hours)(hours));
    bad.add("views", int(LIMITS.views)(views));
    bad.opt("options", o, (v) => typeof v == "object" ? "" : "must be an object");
    o ??= {};
    bad.opt("description", o.description, descr);
    bad.opt("message", o.message, descr);
    bad.opt("password", o.password, text(...LIMITS.password));
    bad.opt("captcha", o.captcha, (v) => typeof v == "boolean" ? "" : "must be true or false");
    bad.opt("otpEmail", o.otpEmail, email);
    const tel = phone(o.otpPhone);
    bad.opt("otpPhone", o.otpPhone, () => tel ? "" : "must be + then 8 to 15 digits");
    const [ips, ipError] = list(o.ipWhitelist, isPublicIp, "public IPv4/IPv6 addresses or ranges");
    bad.opt("ipWhitelist", o.ipWhitelist, () => ipError);
    const [countries, geoError] = list(isText(o.geolocation) ? o.geolocation.toUpperCase() : Array.isArray(o.geolocation) ? o.geolocation.map((c) => isText(c) ? c.toUpperCase() : c) : o.geolocation, isCountry, "ISO 3166-1 alpha-2 country codes");
    bad.opt("geolocation", o.geolocation, () => geoError);
    bad.opt("onProgress", o.onProgress, (v) => typeof v == "function" ? "" : "must be a function");
    const files = o.attachments;
    let total = 0;
    bad.opt("attachments", files, (v) => !Array.isArray(v) ? "must be an array of files" : v.length > LIMITS.files ? `at most ${LIMITS.files} files` : !v.every((f) => f instanceof Blob && isText(f.name) && f.name && f.size && (total += f.size)) ? "each must be a non-empty File (or Blob with a name)" : total > LIMITS.bytes ? `at most ${LIMITS.bytes / 1048576} MB in all` : "");
    bad.throw();
    const gate = tel ? ["otp_phone", { otp_type: "phone", otp_receiver: tel }] : o.otpEmail ? ["otp_email", { otp_type: "email", otp_receiver: o.otpEmail }] : o.password ? ["password", { password: o.password }] : o.captcha ? ["captcha", { captcha: true }] : ["none", {}];
    return { gate, total, ips: o.ipWhitelist != null ? ips : void 0, countries: o.geolocation != null ? countries : void 0 };
  };
  var encryptSecret = async (content, hours, views, options) => {
    const { gate, total, ips, countries } = checkCreate(content, hours, views, options);
    const { description, message, attachments = [], onProgress, signal } = options ?? {};
    const k = randomKey();
    const salt = randomBytes(16);
    const seal = sealer(await deriveKey(k, salt));
    const sealed = await seal(new TextEncoder().encode(content));
    const files = [];
    let loaded = 0;
    for (const f of attachments) {
      onProgress?.({ phase: "encrypt", loaded, total });
      let bytes;
      try {
        bytes = await f.arrayBuffer();
      } catch (cause) {
        throw new AttachmentError(`Attachment ${files.length + 1} could not be read`, { cause, details: { attachments: ["could not be read"] } });
      }
      const { iv, data } = await seal(bytes);
      files.push({ name: f.name, data, iv, size: f.size });
      signal?.throwIfAborted();
      loaded += f.size;
    }
    onProgress?.({ phase: "upload", loaded, total });
    return {
      k,
      total,
      security: gate[0],
      body: {
        content: sealed.data,
        iv: sealed.iv,
        salt: toBase64(salt),
        key: k.slice(0, 8),
        expiration_hours: hours,
        maximum_views: views,
        description,
        message,
        ...gate[1],
        ip_whitelist: ips,
        geolocation: countries,
        ...files.length && { attachments: files, attachments_total_size: total }
      }
    };
  };
  var create = async (cfg, content, hours = 24, views = 1, options = {}) => {
    const { body, k, security, total } = await encryptSecret(content, hours, views, options);
    const { data } = await request(cfg, "/secrets", { method: "POST", signal: options?.signal, body });
    options?.onProgress?.({ phase: "done", loaded: total, total });
    return { ...data, share_url: data.access_url + "#" + k.slice(8), security };
  };
  var listSecrets = async (cfg, filters = {}) => {
    const f = filters ?? {};
    const bad = new Invalid();
    bad.opt("status", f.status, oneOf("active", "expired"));
    bad.opt("limit", f.limit, int([1, 100]));
    bad.opt("page", f.page, int([1, 1e9]));
    bad.opt("creator", f.creator, email);
    bad.opt("search", f.search, descr);
    bad.throw();
    return page(await request(cfg, "/secrets" + query({ ...f }), { signal: f.signal }));
  };
  var getDetails = async (cfg, slug, o = {}) => (await request(cfg, "/secrets/" + segment("slug", slug), o ?? {})).data;
  var deleteSecret = async (cfg, slug, o = {}) => !!await request(cfg, "/secrets/" + segment("slug", slug), { ...o, method: "DELETE" });

  // src/api/reveal.ts
  var parseShareUrl = (shareUrl, field = "shareUrl") => {
    let slug = "", keyB = "";
    try {
      const u = new URL(shareUrl);
      slug = u.pathname.split("/").filter(Boolean).pop() ?? "";
      keyB = u.hash.slice(1);
    } catch {
    }
    const bad = new Invalid();
    bad.add(field, !/^[\w-]{1,64}$/.test(slug) ? "must be a share URL (https://.../s/SLUG#KEY)" : /^[A-Za-z0-9]{24}$/.test(keyB) ? "" : "has no valid key after #: was the link cut?");
    bad.throw();
    return [slug, keyB];
  };
  var reveal = async (cfg, shareUrl, o = {}) => {
    const [slug, keyB] = parseShareUrl(shareUrl);
    const { password, otp, captchaToken, signal } = o ?? {};
    const bad = new Invalid();
    bad.opt("password", password, text(1, LIMITS.password[1]));
    bad.opt("otp", otp, text(1, 32));
    bad.opt("captchaToken", captchaToken, text(1, 4096));
    bad.throw();
    const { data: s } = await request(cfg, `/public/secrets/${slug}/open`, {
      method: "POST",
      auth: false,
      signal,
      body: { password, otp, captcha_token: captchaToken }
    });
    const key = await deriveKey(s.key + keyB, fromBase64(s.salt));
    const files = await Promise.all(
      // A secret made by the official script has no attachment iv: it used the content iv.
      (s.attachments ?? []).map(async (a) => new File([await open(key, a.iv ?? s.iv, a.data)], a.name))
    );
    return { content: new TextDecoder().decode(await open(key, s.iv, s.content)), message: isText(s.message) ? s.message : null, attachments: files };
  };

  // src/api/stats.ts
  var day = (v) => {
    const d = v instanceof Date ? v : isText(v) && /^\d{4}-\d\d-\d\d$/.test(v) ? new Date(v) : null;
    const s = d && !isNaN(+d) ? d.toISOString().slice(0, 10) : "";
    return isText(v) && s != v ? "" : s;
  };
  var rangeQuery = (r = {}) => {
    const { from, to } = r ?? {};
    const bad = new Invalid();
    const f = day(from), t = day(to);
    bad.opt("from", from, () => f ? "" : "must be a Date or YYYY-MM-DD");
    bad.opt("to", to, () => t ? "" : "must be a Date or YYYY-MM-DD");
    if (f && t && f > t) bad.add("from", "must not be after to");
    bad.throw();
    return query({ from: f || null, to: t || null });
  };
  var getStats = async (cfg, r = {}) => (await request(cfg, "/secrets-stats" + rangeQuery(r), { signal: r?.signal })).data;
  var getTokenStats = async (cfg, o = {}) => (await request(cfg, "/tokens-stats", { signal: o?.signal })).data;

  // src/crypto/exchange.ts
  var subtle2 = () => crypto.subtle;
  var EC = { name: "ECDH", namedCurve: "P-256" };
  var toBase64Url = (b) => toBase64(b).replace(/[+/=]/g, (c) => c == "+" ? "-" : c == "/" ? "_" : "");
  var fromBase64Url = (s) => fromBase64(s.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat(-s.length & 3));
  var newRequestKeys = async () => {
    const pair = await subtle2().generateKey(EC, true, ["deriveBits"]);
    return [
      toBase64(new Uint8Array(await subtle2().exportKey("raw", pair.publicKey))),
      toBase64Url(new Uint8Array(await subtle2().exportKey("pkcs8", pair.privateKey)))
    ];
  };
  var agree = async (priv, pub, token) => subtle2().deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode("sharokey-request-v1:" + token) },
    await subtle2().importKey("raw", await subtle2().deriveBits({ name: "ECDH", public: pub }, priv, 256), "HKDF", false, ["deriveKey"]),
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"]
  );
  var sealTo = async (publicKey, token, text2) => {
    const pair = await subtle2().generateKey(EC, true, ["deriveBits"]);
    const pub = await subtle2().importKey("raw", fromBase64(publicKey), EC, false, []);
    const iv = randomBytes(12);
    const data = await subtle2().encrypt({ name: "AES-GCM", iv }, await agree(pair.privateKey, pub, token), new TextEncoder().encode(text2));
    return [new Uint8Array(await subtle2().exportKey("raw", pair.publicKey)), iv, new Uint8Array(data)].map(toBase64).join(".");
  };
  var openSealed = async (privateKey, token, sealed) => {
    try {
      const [epk, iv, data] = sealed.split(".").map(fromBase64);
      const priv = await subtle2().importKey("pkcs8", fromBase64Url(privateKey), EC, false, ["deriveBits"]);
      const pub = await subtle2().importKey("raw", epk, EC, false, []);
      return new TextDecoder().decode(await subtle2().decrypt({ name: "AES-GCM", iv }, await agree(priv, pub, token), data));
    } catch (cause) {
      throw new CryptoError("Could not open the answer: the inbox link is incomplete or the data was altered", { cause });
    }
  };

  // src/api/requests.ts
  var parseLink = (url, field, needKey) => {
    let u;
    try {
      u = new URL(url);
    } catch {
    }
    const token = u?.pathname.split("/").filter(Boolean).pop() ?? "";
    const key = u?.hash.slice(1) ?? "";
    const bad = new Invalid();
    bad.add(field, !/^[\w-]{1,64}$/.test(token) ? "must be a request link" : needKey && !/^[\w-]{100,400}$/.test(key) ? "has no valid key after #: was the link cut?" : "");
    bad.throw();
    return [token, key];
  };
  var createRequest = async (cfg, o = {}) => {
    const bad = new Invalid();
    const t = text(0, LIMITS.text);
    bad.add("options", o && typeof o == "object" ? "" : "must be an object");
    o ??= {};
    bad.opt("message", o.message, t);
    bad.opt("description", o.description, t);
    bad.opt("emailTo", o.emailTo, email);
    bad.opt("emailReply", o.emailReply, email);
    bad.opt("locale", o.locale, oneOf("en", "fr"));
    bad.opt("secretExpirationHours", o.secretExpirationHours, int(LIMITS.hours));
    bad.opt("requestExpirationHours", o.requestExpirationHours, int(LIMITS.hours));
    bad.opt("maximumViews", o.maximumViews, int(LIMITS.views));
    bad.throw();
    const [publicKey, privateKey] = await newRequestKeys();
    const { data } = await request(cfg, "/requests", {
      method: "POST",
      signal: o.signal,
      body: {
        message: o.message,
        description: o.description,
        email_to: o.emailTo,
        email_reply: o.emailReply,
        locale: o.locale,
        secret_expiration_hours: o.secretExpirationHours,
        request_expiration_hours: o.requestExpirationHours,
        maximum_views: o.maximumViews,
        public_key: publicKey
      }
    });
    const r = data.request ?? data;
    return { ...r, inbox_url: new URL("/i/" + r.token, r.url) + "#" + privateKey };
  };
  var listRequests = async (cfg, f = {}) => {
    f ??= {};
    const bad = new Invalid();
    bad.opt("status", f.status, oneOf("active", "completed", "expired"));
    bad.opt("limit", f.limit, int([1, 100]));
    bad.opt("page", f.page, int([1, 1e9]));
    bad.opt("creator", f.creator, email);
    bad.opt("search", f.search, text(0, LIMITS.text));
    bad.throw();
    return page(await request(cfg, "/requests" + query({ ...f }), { signal: f.signal }));
  };
  var getRequest = async (cfg, token, o = {}) => (await request(cfg, "/requests/" + segment("token", token), { signal: o?.signal })).data;
  var deleteRequest = async (cfg, token, o = {}) => !!await request(cfg, "/requests/" + segment("token", token), { signal: o?.signal, method: "DELETE" });
  var requestStats = async (cfg, r = {}) => (await request(cfg, "/requests-stats" + rangeQuery(r), { signal: r?.signal })).data;
  var respond = async (cfg, requestUrl, content, o = {}) => {
    const [token] = parseLink(requestUrl, "requestUrl", false);
    checkCreate(content, 1, 1, o);
    const { data: req } = await request(cfg, `/public/requests/${token}`, { auth: false, signal: o?.signal });
    if (!req.public_key) throw new NotFoundError("This request has no public key: it cannot be answered with zero knowledge", { code: "NO_PUBLIC_KEY" });
    const { body, k } = await encryptSecret(content, req.secret_expiration_hours ?? 24, req.maximum_views ?? 1, o ?? {});
    body.sealed_key = await sealTo(req.public_key, token, k.slice(8));
    return (await request(cfg, `/public/requests/${token}/respond`, { method: "POST", auth: false, signal: o?.signal, body })).data;
  };
  var openRequest = async (cfg, inboxUrl, o = {}) => {
    const [token, privateKey] = parseLink(inboxUrl, "inboxUrl", true);
    const r = (await request(cfg, "/requests/" + token, { signal: o?.signal })).data;
    if (!r.sealed_key || !r.secret_url) throw new NotFoundError("This request has not been answered yet", { code: "REQUEST_PENDING" });
    const keyB = await openSealed(privateKey, token, r.sealed_key);
    return { ...await reveal(cfg, r.secret_url + "#" + keyB, o), request: r };
  };

  // src/api/diagnostics.ts
  var health = async (cfg, o = {}) => (await request(cfg, "/health", { auth: false, signal: o?.signal })).data;
  var advice = (e, scope) => {
    const err = e;
    return err instanceof AuthenticationError ? `Token refused (${err.message}): check it is right, active and not revoked` : err instanceof PermissionError ? `The token lacks the "${scope}" scope: ask an admin for a token with it` : err instanceof NetworkError ? `${err.message}` : `${err?.message ?? e}`;
  };
  var test = async (cfg) => {
    const details = [];
    const check = async (name2, scope, fn) => {
      let success = false, message;
      try {
        message = await fn();
        success = true;
      } catch (e) {
        message = advice(e, scope);
      }
      details.push({ name: name2, success, message });
      return success;
    };
    const hasToken = await check("configuration", "", async () => {
      if (!cfg.token && !cfg.getToken) throw new Error("No token: call Sharokey.config({ token }) or give getToken");
      return "Token set; API " + cfg.apiUrl;
    });
    const online = await check("network", "", async () => `Server reachable (${(await health(cfg)).status})`);
    const skip = (name2) => details.push({ name: name2, success: false, message: online ? "Skipped: no token" : "Skipped: the server is unreachable" });
    if (!online || !hasToken) {
      for (const n of ["authentication", "read access", "write access", "statistics"]) skip(n);
    } else {
      let listed;
      try {
        listed = await request(cfg, "/secrets?limit=1");
      } catch (e) {
        listed = e;
      }
      await check("authentication", "read", async () => {
        if (listed instanceof AuthenticationError || listed instanceof Error && !(listed instanceof PermissionError)) throw listed;
        return "Token accepted";
      });
      await check("read access", "read", async () => {
        if (listed instanceof Error) throw listed;
        return "Secrets can be listed";
      });
      await check("write access", "write", async () => {
        const s = await create(cfg, "Sharokey connection test", 1, 1, { description: "Sharokey test(): deleted at once" });
        await deleteSecret(cfg, s.slug);
        return "A test secret was created and deleted";
      });
      await check("statistics", "stats", async () => `Statistics readable (${(await request(cfg, "/secrets-stats")).data.total_secrets} secrets)`);
    }
    const passed = details.filter((d) => d.success).length;
    return { passed, total: details.length, success: passed == details.length, details };
  };
  var testConnection = async (cfg) => {
    try {
      await request(cfg, "/secrets?limit=1");
      return true;
    } catch (e) {
      return e instanceof PermissionError;
    }
  };

  // src/api/analyze.ts
  var FIELDS = ["total_secrets", "active_secrets", "expired_secrets", "total_views", "secrets_with_password", "secrets_created_today", "secrets_created_this_week", "secrets_created_this_month"];
  var analyzeStats = (stats) => {
    const bad = new Invalid();
    for (const f of FIELDS) bad.add(f, Number.isFinite(stats?.[f]) && stats[f] >= 0 ? "" : "must be a number of 0 or more");
    bad.throw();
    const { total_secrets: total, active_secrets: active, secrets_with_password: withPassword, secrets_created_today: today, secrets_created_this_week: week } = stats;
    const rate = (n) => total ? n / total * 100 : null;
    const activeRate = rate(active);
    const passwordRate = rate(withPassword);
    const recommendations = [];
    if (passwordRate != null && passwordRate < 30) recommendations.push("Consider implementing password protection for sensitive content", "Review security policies with team members");
    if (activeRate != null && activeRate > 50) recommendations.push("Review expiration policies: secrets may be living too long", "Consider shorter default expiration times");
    if (today > 50) recommendations.push("Monitor API rate limits carefully", "Consider implementing client-side request queuing", "Use bulk operations where available");
    return {
      passwordProtectionRate: passwordRate,
      viewEfficiency: total ? stats.total_views / total : null,
      expirationRate: rate(stats.expired_secrets),
      activeRate,
      activityLevel: today > 10 || week > 50 ? "high" : "normal",
      retention: activeRate == null ? null : activeRate > 20 ? "high" : activeRate < 5 ? "low" : "moderate",
      retentionHealth: activeRate == null ? null : activeRate < 20 ? "good" : "review",
      recommendations
    };
  };

  // src/client.ts
  var DEFAULT_API_URL = "https://api.sharokey.com/api/v1";
  var configure = (cfg, o) => {
    const bad = new Invalid();
    bad.add("options", o && typeof o == "object" ? "" : "must be an object");
    o ??= {};
    bad.opt("token", o.token, text(1, 4096));
    bad.opt("getToken", o.getToken, (v) => typeof v == "function" ? "" : "must be a function");
    bad.opt("apiUrl", o.apiUrl, (v) => isText(v) && /^https?:\/\/[^/]/.test(v) ? "" : "must be an http(s) URL");
    bad.opt("timeout", o.timeout, int([1, 36e5]));
    bad.opt("retries", o.retries, int([0, 10]));
    bad.opt("company", o.company, text(1, 255));
    bad.throw();
    Object.assign(cfg, o);
    cfg.apiUrl = cfg.apiUrl.replace(/\/+$/, "");
  };
  var createClient = (options = {}) => {
    const cfg = { apiUrl: DEFAULT_API_URL, timeout: 3e4, retries: 2 };
    configure(cfg, options);
    const client = {
      ...errors_exports,
      version: "1.0.0",
      config: (o) => (configure(cfg, o), client),
      getConfig: () => ({ apiUrl: cfg.apiUrl, timeout: cfg.timeout, retries: cfg.retries, hasToken: !!(cfg.token || cfg.getToken), company: cfg.company }),
      createClient,
      create: (...a) => create(cfg, ...a),
      list: (f) => listSecrets(cfg, f),
      getDetails: (s, o) => getDetails(cfg, s, o),
      get: (s, o) => getDetails(cfg, s, o),
      delete: (s, o) => deleteSecret(cfg, s, o),
      getStats: (r) => getStats(cfg, r),
      stats: (r) => getStats(cfg, r),
      getTokenStats: (o) => getTokenStats(cfg, o),
      analyzeStats,
      reveal: (u, o) => reveal(cfg, u, o),
      createRequest: (o) => createRequest(cfg, o),
      listRequests: (f) => listRequests(cfg, f),
      getRequest: (t, o) => getRequest(cfg, t, o),
      deleteRequest: (t, o) => deleteRequest(cfg, t, o),
      requestStats: (r) => requestStats(cfg, r),
      respond: (u, c, o) => respond(cfg, u, c, o),
      openRequest: (u, o) => openRequest(cfg, u, o),
      health: (o) => health(cfg, o),
      test: () => test(cfg),
      testConnection: () => testConnection(cfg)
    };
    return client;
  };

  // src/global.ts
  var g = globalThis;
  if (!(g.Sharokey?.isSharokeyError && g.Sharokey.version)) g.Sharokey = createClient();
})();
