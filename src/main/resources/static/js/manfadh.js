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

    function nextTraveller() {
        var mrz = document.getElementById('mrz');
        var kase = document.getElementById('case');
        if (!mrz) { return; }
        if (kase) {
            var manual = document.getElementById('manual');
            kase.querySelectorAll('.case-grid, #decide, #recorded, .error').forEach(function (n) { n.remove(); });
            if (manual) { manual.open = false; manual.querySelectorAll('input').forEach(function (i) { i.value = ''; }); }
        }
        mrz.value = '';
        mrz.focus();
    }

    document.addEventListener('keydown', function (e) {
        if (!document.querySelector('[data-screen="inspection"]')) { return; }
        var target = e.target;
        if (target && target.id === 'mrz' && e.key === 'Enter') {
            if (e.ctrlKey || complete(target.value)) {
                e.preventDefault();
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
        if (e.detail.target && e.detail.target.querySelector('#recorded')) {
            mrz.value = '';
        }
        if (e.detail.target && e.detail.target.querySelector('#manual[open] .invalid input')) {
            e.detail.target.querySelector('#manual[open] .invalid input').focus();
            return;
        }
        mrz.focus();
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
