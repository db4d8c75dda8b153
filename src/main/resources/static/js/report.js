// The public report form's proof of work: before sending, find n such that SHA-256(challenge + ":" + n) starts
// with the challenge's number of zero bits, then send. Same-origin, no library; works where crypto.subtle does not
// (plain http). Without JavaScript the form is still sent; the server then asks the report to wait (see the page).
(function () {
  'use strict';
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
  var W = new Array(64);

  // SHA-256 of an ASCII string; answers the first 32 bits of the hash (all the check needs, up to 32 bits)
  function firstWord(text) {
    var n = text.length, words = ((n + 8) >> 6) + 1, m = new Array(words * 16), i;
    for (i = 0; i < m.length; i++) { m[i] = 0; }
    for (i = 0; i < n; i++) { m[i >> 2] |= text.charCodeAt(i) << (24 - (i % 4) * 8); }
    m[n >> 2] |= 0x80 << (24 - (n % 4) * 8);
    m[words * 16 - 1] = n * 8;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a,
      h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var b = 0; b < m.length; b += 16) {
      var a = h0, c1 = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7, t, t2, j;
      for (j = 0; j < 64; j++) {
        if (j < 16) { W[j] = m[b + j] | 0; } else {
          var x = W[j - 15], y = W[j - 2];
          W[j] = (((x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ (x >>> 3)) + W[j - 16]
            + ((y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ (y >>> 10)) + W[j - 7]) | 0;
        }
        t = (h + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7)) + ((e & f) ^ (~e & g))
          + K[j] + W[j]) | 0;
        t2 = (((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10)) + ((a & c1) ^ (a & c) ^ (c1 & c))) | 0;
        h = g; g = f; f = e; e = (d + t) | 0; d = c; c = c1; c1 = a; a = (t + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + c1) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    return h0 >>> 0;
  }

  var form = document.getElementById('report-form');
  if (!form) { return; }
  form.addEventListener('submit', function (event) {
    var solution = document.getElementById('solution');
    if (solution.value) { return; }
    event.preventDefault();
    var challenge = form.elements.challenge.value, bits = parseInt(challenge.split('.')[3], 10);
    var limit = Math.pow(2, 32 - bits), n = 0, button = document.getElementById('send');
    button.disabled = true;
    document.getElementById('working').textContent = form.getAttribute('data-working');
    (function work() {
      for (var stop = n + 20000; n < stop; n++) {
        if (firstWord(challenge + ':' + n) < limit) {
          solution.value = String(n);
          form.submit();
          return;
        }
      }
      setTimeout(work, 0);
    })();
  });
})();
