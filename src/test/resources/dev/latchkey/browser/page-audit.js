/*
 * The layout checks of PageAudit, run inside the page at the window size it has now. Answers a list of
 * {where, what}: where is a CSS-like path a person can find the element by, what says what is wrong.
 * Nothing here changes the page (the drop-down probe is added and removed within one task).
 */
(wideTablesAllowed) => {
  const problems = [];
  const seen = new Set();
  const root = document.documentElement;
  const body = document.body;
  const styles = new Map();
  const css = el => {
    let s = styles.get(el);
    if (!s) {
      s = getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  const px = v => Math.round(v);
  const hides = v => v === 'hidden' || v === 'clip';
  const scrolls = v => v === 'auto' || v === 'scroll';

  function excerpt(text) {
    const s = (text || '').replace(/\s+/g, ' ').trim();
    return s.length > 48 ? s.slice(0, 47) + '…' : s;
  }

  /** tag#id, or a short path from the nearest ancestor with an id, with classes and telling attributes. */
  function describe(el) {
    const parts = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (n === body || n === root) {
        parts.unshift(n.localName);
        break;
      }
      if (n.id) {
        parts.unshift(n.localName + '#' + n.id);
        break;
      }
      let part = n.localName + [...n.classList].slice(0, 2).map(c => '.' + c).join('');
      const attr = ['data-site', 'data-username', 'data-type', 'data-factor', 'data-lang', 'name', 'type']
          .find(a => n.hasAttribute(a));
      if (attr) {
        part += '[' + attr + '=' + n.getAttribute(attr) + ']';
      } else if (n.parentElement) {
        const same = [...n.parentElement.children].filter(c => c.localName === n.localName);
        if (same.length > 1) {
          part += ':nth-of-type(' + (same.indexOf(n) + 1) + ')';
        }
      }
      parts.unshift(part);
      if (n.localName === 'main' || n.localName === 'header' || n.localName === 'footer' || parts.length >= 5) {
        break;
      }
    }
    return parts.join(' > ');
  }

  /** The same place in every row of a table or item of a list: the row's own marks taken out. */
  const alike = where => where.replace(/\b(tr|li|article)(\[[^\]]*\]|:nth-of-type\(\d+\))/g, '$1');

  /**
   * Records a problem once. With a kind, the same problem in the same place of other rows or items (every date of
   * a table column, every backup code) is counted on the first one instead of listed again.
   */
  const kinds = new Map();
  function add(el, what, kind) {
    const where = describe(el);
    if (kind) {
      const key = kind + '\u0000' + alike(where);
      const first = kinds.get(key);
      if (first) {
        first.more++;
        first.where = alike(where);
        return;
      }
      const problem = { where, what, more: 0 };
      kinds.set(key, problem);
      problems.push(problem);
      return;
    }
    const key = where + '\u0000' + what;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ where, what, more: 0 });
    }
  }

  /** Nobody sees it: not rendered, invisible, or hidden on purpose for screen readers only. */
  const unseenCache = new Map();
  function unseen(el) {
    if (unseenCache.has(el)) {
      return unseenCache.get(el);
    }
    let answer;
    if (el === body || el === root || !el.parentElement) {
      answer = false;
    } else if (el.closest('select, option, script, style, template, noscript, head, details:not([open]) > :not(summary)')) {
      answer = true;
    } else if (el.getClientRects().length === 0 || css(el).visibility !== 'visible') {
      answer = true;
    } else {
      const s = css(el);
      const clipped = ((s.position === 'absolute' || s.position === 'fixed') && s.clip !== 'auto')
          || s.clipPath !== 'none' || s.opacity === '0';
      answer = clipped || unseen(el.parentElement);
    }
    unseenCache.set(el, answer);
    return answer;
  }

  /** The padding box: where a box that hides or scrolls its overflow cuts its content. */
  function paddingBox(n) {
    const r = n.getBoundingClientRect();
    const left = r.left + n.clientLeft;
    const top = r.top + n.clientTop;
    return { left, top, right: left + n.clientWidth, bottom: top + n.clientHeight };
  }

  /**
   * What cuts off part of rect (a line of el's text): the first box, from el up, that hides its overflow while
   * the text passes its edge. A box that scrolls shows the text by scrolling: only what it shows goes on up.
   */
  function cutBy(el, rect) {
    let r = { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    for (let n = el; n && n !== body && n !== root; n = n.parentElement) {
      const s = css(n);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') {
        continue;
      }
      const box = paddingBox(n);
      const outX = Math.max(box.left - r.left, r.right - box.right);
      const outY = Math.max(box.top - r.top, r.bottom - box.bottom);
      if (hides(s.overflowX) && outX > 1) {
        return { by: n, px: outX };
      }
      // glyphs may reach a pixel or two past a line box that is exactly as high as the text
      if (hides(s.overflowY) && outY > 2) {
        return { by: n, px: outY };
      }
      if (s.overflowX !== 'visible') {
        r = { ...r, left: Math.max(r.left, box.left), right: Math.min(r.right, box.right) };
      }
      if (s.overflowY !== 'visible') {
        r = { ...r, top: Math.max(r.top, box.top), bottom: Math.min(r.bottom, box.bottom) };
      }
      if (r.right - r.left <= 0 || r.bottom - r.top <= 0) {
        return null; // scrolled out of view: a scroll away, not cut off
      }
    }
    const pageHides = hides(css(root).overflowX) || hides(css(body).overflowX);
    if (pageHides && r.right > root.clientWidth + 1) {
      return { by: root, px: r.right - root.clientWidth };
    }
    return null;
  }

  // 1. The page scrolls sideways.
  const overflow = root.scrollWidth - root.clientWidth;
  if (overflow > 0) {
    const limit = root.clientWidth + 1;
    const contained = el => {
      for (let n = el.parentElement; n && n !== body; n = n.parentElement) {
        if (css(n).overflowX !== 'visible') {
          return true; // scrolls or cuts there: does not widen the page
        }
      }
      return false;
    };
    const culprits = [...body.querySelectorAll('*')].filter(el => !unseen(el)
        && el.getBoundingClientRect().right > limit
        && (el.parentElement === body || el.parentElement.getBoundingClientRect().right <= limit)
        && !contained(el));
    const named = culprits.slice(0, 4).map(el => describe(el) + ' (to ' + px(el.getBoundingClientRect().right) + ' px)');
    add(root, 'the page scrolls sideways: ' + root.scrollWidth + ' px of content in a ' + root.clientWidth
        + ' px wide window' + (named.length ? '; wider than the window: ' + named.join(', ') : ''));
  }

  // 2. Boxes that hide their overflow while their text does not fit (an ellipsis, a cut word).
  const cutBoxes = new Set();
  for (const el of body.querySelectorAll('*')) {
    const s = css(el);
    if (!hides(s.overflowX) || unseen(el)) {
      continue;
    }
    const text = el.innerText || '';
    if (!text.trim()) {
      continue;
    }
    if (el.scrollWidth > el.clientWidth + 1) {
      cutBoxes.add(el);
      add(el, 'text "' + excerpt(text) + '" is cut off' + (s.textOverflow === 'ellipsis' ? ' with an ellipsis' : '')
          + ': ' + el.scrollWidth + ' px of content in a ' + el.clientWidth + ' px wide box', 'cut');
    }
  }

  // 3. Every line of visible text, wherever it is: cut by a box further up that hides what passes its edge.
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const textCut = new Set();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!el || !t.textContent.trim() || textCut.has(el) || unseen(el)) {
      continue;
    }
    range.selectNodeContents(t);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) {
        continue;
      }
      const cut = cutBy(el, r);
      if (cut && !cutBoxes.has(cut.by)) {
        textCut.add(el);
        add(el, 'text "' + excerpt(el.innerText || t.textContent) + '" is cut off by '
            + (cut.by === el ? 'its own box' : describe(cut.by)) + ' (' + px(cut.px) + ' px hidden)', 'cut');
        break;
      }
    }
  }

  // 3b. A code, a number, a date or a time (a short token with a digit, not an address) broken over two lines:
  //     a backup code split at its hyphen, a contract number or a date cut in two reads as two things.
  const TOKEN = /[^\s]+/g;
  const CODE = /^(?=(?:[^\d]*\d){2})[^\s@\/]{2,24}$/; // two digits or more: "6-digit" in a sentence is prose
  const broken = new Set();
  const tokens = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let t = tokens.nextNode(); t; t = tokens.nextNode()) {
    const el = t.parentElement;
    if (!el || broken.has(el) || !/\d/.test(t.textContent) || unseen(el)) {
      continue;
    }
    for (const match of t.textContent.matchAll(TOKEN)) {
      const token = match[0].replace(/^[(\[«"']+|[)\]»"'.,;:!?]+$/g, '');
      if (!CODE.test(token)) {
        continue;
      }
      range.setStart(t, match.index);
      range.setEnd(t, match.index + match[0].length);
      const tops = [...range.getClientRects()].filter(r => r.width >= 1).map(r => r.top);
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
        broken.add(el);
        add(el, '"' + token + '" is broken over two lines', 'broken');
        break;
      }
    }
  }

  // 4. Buttons whose label is their value, and fields of a fixed format: the text must fit the field.
  for (const input of body.querySelectorAll('input[type=submit], input[type=button], input[type=reset], '
      + 'input[type=date], input[type=datetime-local], input[type=time], input[type=month], input[type=week]')) {
    if (unseen(input)) {
      continue;
    }
    if (input.scrollWidth > input.clientWidth + 1) {
      add(input, 'the field\'s text does not fit: ' + input.scrollWidth + ' px of text in a ' + input.clientWidth
          + ' px wide field');
    }
  }

  // 5. A drop-down must be as wide as its chosen option: measured on a copy with only that option, at its own width.
  for (const select of body.querySelectorAll('select')) {
    if (select.multiple || select.size > 1 || select.getClientRects().length === 0
        || css(select).visibility !== 'visible' || unseen(select.parentElement)) {
      continue;
    }
    const option = select.options[select.selectedIndex];
    if (!option || !option.text.trim()) {
      continue;
    }
    const probe = select.cloneNode(false);
    for (const attr of ['id', 'name', 'form', 'required', 'autofocus']) {
      probe.removeAttribute(attr);
    }
    probe.setAttribute('aria-hidden', 'true');
    probe.appendChild(new Option(option.text));
    probe.style.cssText += ';position:absolute;visibility:hidden;left:0;top:0;width:auto;min-width:0;max-width:none;';
    select.parentElement.appendChild(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const has = select.getBoundingClientRect().width;
    if (has + 1 < needed) {
      add(select, 'the drop-down is ' + px(has) + ' px wide; its choice "' + excerpt(option.text) + '" needs '
          + px(needed) + ' px, so it shows cut off', 'select');
    }
  }

  // 6. Scrolling boxes. A data table may scroll sideways inside its .table-wrap on a phone; on a desktop-sized
  //    window it must fit, and the wrapper itself must stay inside its card. Nothing else scrolls sideways with a
  //    control hidden in it: a tab or a link that needs scrolling to be found is out of sight.
  for (const el of body.querySelectorAll('*')) {
    const s = css(el);
    if (!scrolls(s.overflowX) || unseen(el) || el.scrollWidth <= el.clientWidth + 1) {
      continue;
    }
    const box = paddingBox(el);
    if (el.matches('.table-wrap')) {
      if (!wideTablesAllowed) {
        const cut = [...el.querySelectorAll('th, td')].filter(c => !unseen(c)
            && c.getBoundingClientRect().right > box.right + 1);
        const heads = [...el.querySelectorAll('thead th')].filter(c => c.getBoundingClientRect().right > box.right + 1)
            .map(c => '"' + excerpt(c.textContent) + '"');
        add(el, 'the table needs sideways scrolling at this width: ' + el.scrollWidth + ' px of table in a '
            + el.clientWidth + ' px wide box; ' + cut.length + ' cells are cut off or out of sight'
            + (heads.length ? ', columns ' + heads.join(', ') : ''));
      }
      continue;
    }
    const controls = [...el.querySelectorAll('a[href], button, input, select, textarea, summary')]
        .filter(c => !unseen(c))
        .filter(c => {
          const r = c.getBoundingClientRect();
          return r.right > box.right + 1 || r.left < box.left - 1;
        });
    if (controls.length) {
      add(el, 'scrolls sideways and hides ' + controls.length + ' control(s) past its edge: '
          + controls.slice(0, 6).map(c => '"' + excerpt(c.innerText || c.value || c.getAttribute('aria-label')) + '"')
              .join(', '));
    }
  }

  // 7. Nothing sticks out of the box it sits in (a card, an alert, a tile, a table cell): a person sees the edge.
  const outside = new Set();
  for (const el of body.querySelectorAll('*')) {
    if (unseen(el)) {
      continue;
    }
    const s = css(el);
    if (s.position === 'absolute' || s.position === 'fixed' || s.display === 'contents') {
      continue;
    }
    let boxEl = null;
    for (let n = el.parentElement; n && n !== body && n !== root; n = n.parentElement) {
      if (outside.has(n)) {
        boxEl = null; // its container is reported already
        break;
      }
      const ns = css(n);
      if (ns.overflowX !== 'visible') {
        boxEl = null; // it scrolls or is cut there: checked above
        break;
      }
      const framed = parseFloat(ns.borderLeftWidth) > 0 || parseFloat(ns.borderRightWidth) > 0
          || !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(ns.backgroundColor);
      if (framed && ns.display !== 'inline' && ns.display !== 'table-row' && ns.display !== 'table-row-group') {
        boxEl = n;
        break;
      }
    }
    if (!boxEl) {
      continue;
    }
    const r = el.getBoundingClientRect();
    const b = boxEl.getBoundingClientRect();
    const out = Math.max(b.left - r.left, r.right - b.right);
    if (r.width > 0 && out > 1) {
      outside.add(el);
      add(el, 'sticks out of ' + describe(boxEl) + ' by ' + px(out) + ' px', 'sticks');
    }
  }

  // 8. The language switcher, with its links, where a person can see it.
  const switcher = document.getElementById('language-switcher');
  const links = switcher ? [...switcher.querySelectorAll('a[href]')].filter(a => !unseen(a)) : [];
  if (!switcher || unseen(switcher) || links.length < 2) {
    add(switcher || body, switcher ? 'the language switcher shows ' + links.length + ' link(s), not one per language'
        : 'no language switcher (#language-switcher with a link per language)');
  }

  return problems.map(p => ({
    where: p.where,
    what: p.more ? p.what + ' (and ' + p.more + ' more like it)' : p.what,
  }));
}
