package org.manfadh.document.web;

import java.time.Clock;

import org.manfadh.document.MrzReader;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A screen to read a machine readable zone typed by a document reader or by hand; nothing is stored. */
@Controller
class MrzCheckController {

    static final int MAX_LENGTH = 1000;

    private final MrzReader reader;

    MrzCheckController(ReferenceData referenceData, Clock clock) {
        this.reader = new MrzReader(referenceData.icaoCodes()::contains, clock);
    }

    @GetMapping("/documents/check")
    String form() {
        return "documents/check";
    }

    @PostMapping("/documents/check")
    String check(@RequestParam(defaultValue = "") String mrz, Model model) {
        model.addAttribute("mrz", mrz);
        if (mrz.length() > MAX_LENGTH) {
            model.addAttribute("tooLong", true);
        } else {
            model.addAttribute("result", reader.read(mrz));
        }
        return "documents/check";
    }
}
