package org.manfadh.capacity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text in English, Arabic and Central Kurdish; English is required, the others fall back to it. */
public record Texts(@NotBlank(message = "is required") @Size(max = 4000) String en,
                    @Size(max = 4000) String ar,
                    @Size(max = 4000) String ckb) {

    /** The text in a language ({@code en}, {@code ar}, {@code ckb}), English where it is missing. */
    public String in(String language) {
        String text = switch (language) {
            case "ar" -> ar;
            case "ckb" -> ckb;
            default -> en;
        };
        return text == null || text.isBlank() ? en : text;
    }
}
