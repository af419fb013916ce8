// Manfadh's screens: keyboard work at the primary line. Everything works without this file too
// (plain form posts); with it, a document reader's Enter reads, Alt+A/R/F decide, Esc or F2 starts
// the next traveller. Keys are matched by physical position (event.code), so they work the same on
// an Arabic or Kurdish keyboard layout.
(function () {
    'use strict';

    // TD3 passports: 2 lines of 44; TD2 and MRV-B: 2 of 36; TD1 cards: 3 of 30.
    function complete(text) {
        var lines = text.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; });
        if (lines.length === 2) {
            return lines.every(function (l) { return l.length >= 36; });
        }
        return lines.length >= 3 && lines.every(function (l) { return l.length >= 30; });
    }

    function submit(form) {
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }

    // A reader types a whole zone in a burst, keys a few milliseconds apart; the officer needs a
    // second at least to lay the next document on it. A zone starts with its document code.
    var PAUSE_MS = 400;
    var ZONE_START = /^(P[A-Z<]|I[A-Z<]|A[A-Z<]|C[A-Z<]|V[A-Z<])/;
    var lastKeyAt = 0;
    var lastRead = null;

    /** The lines of a zone whose every line has its format's full length: TD3 2x44, TD2/MRV-B 2x36, TD1 3x30, MRV-A 2x44. */
    function whole(text) {
        var lines = text.split(/\r?\n/).filter(function (l) { return l.length > 0; });
        if (lines.length === 2) { return (lines[0].length === 44 || lines[0].length === 36) && lines[1].length === lines[0].length; }
        return lines.length === 3 && lines.every(function (l) { return l.length === 30; });
    }

    /**
     * A zone followed by the start of another, run on to its last line or on a line of its own: the
     * text of the new zone, or null. The first zone's format is told by its first line's length.
     */
    function newZoneAfterWhole(text) {
        var lines = text.split(/\r?\n/);
        var width = lines[0].length;
        var count = width === 30 ? 3 : (width === 36 || width === 44) ? 2 : 0;
        if (!count || lines.length < count) { return null; }
        for (var i = 1; i < count - 1; i++) { if (lines[i].length !== width) { return null; } }
        var last = lines[count - 1];
        if (last.length > width && ZONE_START.test(last.substring(width))) {
            return [last.substring(width)].concat(lines.slice(count)).join('\n');
        }
        if (last.length === width && lines.length > count && ZONE_START.test(lines[count])) {
            return lines.slice(count).join('\n');
        }
        return null;
    }

    function clearCase() {
        var kase = document.getElementById('case');
        if (kase) {
            var manual = document.getElementById('manual');
            kase.querySelectorAll('.case-grid, #decide, #recorded, .error').forEach(function (n) { n.remove(); });
            if (manual) { manual.open = false; manual.querySelectorAll('input').forEach(function (i) { i.value = ''; }); }
        }
        showFace(null);
    }

    function nextTraveller() {
        var mrz = document.getElementById('mrz');
        if (!mrz) { return; }
        clearCase();
        mrz.value = '';
        lastRead = null;
        mrz.focus();
    }

    /** The face from the reader or chip, or the placeholder when there is none. */
    function showFace(src) {
        var photo = document.getElementById('photo');
        if (!photo) { return; }
        var img = photo.querySelector('img');
        var none = photo.querySelector('.photo-none');
        var reader = photo.querySelector('.photo-reader');
        var ok = typeof src === 'string' && /^data:image\/(jpeg|png|webp);base64,/.test(src);
        img.hidden = !ok;
        if (ok) { img.src = src; } else { img.removeAttribute('src'); }
        none.hidden = ok;
        reader.hidden = !ok;
        photo.setAttribute('data-photo', ok ? 'reader' : 'none');
    }

    // The reader's software hands over the chip's face: document.dispatchEvent(new CustomEvent(
    // 'manfadh:face', {detail: {src: 'data:image/jpeg;base64,...'}})). It stays in this page.
    document.addEventListener('manfadh:face', function (e) {
        showFace(e.detail && e.detail.src);
    });

    // A new burst into a zone already read (or already whole) is the next document: it replaces the
    // zone instead of running on from it.
    document.addEventListener('keydown', function (e) {
        var target = e.target;
        if (!target || target.id !== 'mrz' || e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) { return; }
        var now = Date.now();
        var paused = now - lastKeyAt > PAUSE_MS;
        lastKeyAt = now;
        var atEnd = target.selectionStart === target.value.length && target.selectionEnd === target.value.length;
        if (paused && atEnd && /[PIACV]/.test(e.key)
                && target.value.length > 0 && (target.value === lastRead || whole(target.value))) {
            target.value = '';
            lastRead = null;
            clearCase();
        }
    }, true);

    // Without the pause (a burst straight after another), the start of a zone after a whole one tells.
    document.addEventListener('input', function (e) {
        var target = e.target;
        if (!target || target.id !== 'mrz') { return; }
        var fresh = newZoneAfterWhole(target.value);
        if (fresh !== null) {
            target.value = fresh;
            lastRead = null;
            clearCase();
        }
    });

    document.addEventListener('keydown', function (e) {
        if (!document.querySelector('[data-screen="inspection"], [data-screen="group"]')) { return; }
        var target = e.target;
        if (target && target.id === 'mrz' && e.key === 'Enter') {
            if (e.ctrlKey || complete(target.value)) {
                e.preventDefault();
                lastRead = target.value;
                submit(target.form);
            }
            return;
        }
        if (e.key === 'Escape' || e.key === 'F2') {
            e.preventDefault();
            nextTraveller();
            return;
        }
        if (e.altKey && !e.ctrlKey && !e.metaKey) {
            var button = document.querySelector('#decide button[data-shortcut="' + e.code + '"]');
            if (button) {
                e.preventDefault();
                if (button.disabled) { return; }
                if (button.value === 'REFUSED') {
                    var reason = document.getElementById('reasonCode');
                    if (reason && !reason.value) { reason.focus(); return; }
                }
                button.click();
            }
        }
    });

    // After a decision is recorded the zone is cleared for the next document; after a reading the
    // cursor stays in the zone, so the officer can decide by shortcut or scan again at once.
    document.addEventListener('htmx:afterSwap', function (e) {
        var mrz = document.getElementById('mrz');
        if (!mrz) { return; }
        // The health prompt asked again after the countries visited changed: a prompt that asks something takes
        // the cursor to its first field, the officer's next job; otherwise the officer stays where they were.
        if (e.detail.target && e.detail.target.id === 'health-prompt') {
            var active = document.activeElement;
            var first = e.detail.target.querySelector('[data-required=true] input');
            if (first && !(active && e.detail.target.contains(active) && active !== document.body)) { first.focus(); }
            return;
        }
        if (e.detail.target && e.detail.target.querySelector('#recorded')) {
            mrz.value = '';
            lastRead = null;
        }
        if (e.detail.target && e.detail.target.querySelector('#manual[open] .invalid input')) {
            e.detail.target.querySelector('#manual[open] .invalid input').focus();
            return;
        }
        // A health screening is asked: the officer measures and asks before deciding.
        var prompt = e.detail.target && !e.detail.target.querySelector('#recorded')
            && e.detail.target.querySelector('#health-prompt [data-required=true] input');
        if (prompt) { prompt.focus(); return; }
        mrz.focus();
        // After a reading the zone stays selected: the next document's zone types over it.
        if (mrz.value && mrz.value === lastRead) { mrz.select(); }
    });

    // Enter in the health prompt or the countries visited never records a decision (the form's first button
    // would admit): in the countries it asks health again, elsewhere it does nothing.
    document.addEventListener('keydown', function (e) {
        var target = e.target;
        if (e.key !== 'Enter' || !target || target.tagName !== 'INPUT') { return; }
        if (target.id === 'visited' || target.closest('#health-prompt')) {
            e.preventDefault();
            if (target.id === 'visited') { target.dispatchEvent(new Event('change', {bubbles: true})); }
        }
    });

    // A refusal needs its reason: choosing one is the officer's next step after Alt+F.
    document.addEventListener('change', function (e) {
        if (e.target && e.target.id === 'reasonCode' && e.target.value) {
            var refuse = document.getElementById('refuse');
            if (refuse) { refuse.focus(); }
        }
    });
})();

// The refusal notice's print button (no inline script: the content security policy stays strict).
document.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('[data-print]')) {
        window.print();
    }
});

// A new outbreak alert copies its disease's monitoring window, until the health officer types one of their own.
document.addEventListener('change', function (e) {
    if (!e.target || e.target.id !== 'alert-disease') { return; }
    var days = document.getElementById('alert-monitoringDays');
    var option = e.target.options[e.target.selectedIndex];
    if (days && option && option.getAttribute('data-days') && days.getAttribute('data-typed') !== 'true') {
        days.value = option.getAttribute('data-days');
    }
});
document.addEventListener('input', function (e) {
    if (e.target && e.target.id === 'alert-monitoringDays') { e.target.setAttribute('data-typed', 'true'); }
});
