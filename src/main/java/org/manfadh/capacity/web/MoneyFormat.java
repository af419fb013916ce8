package org.manfadh.capacity.web;

import java.math.BigDecimal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * Amounts of money on the capacity screens ({@code ${@money.of(amount, currency)}}): to the cent, grouped, in the
 * user's digits, with the currency's code after it.
 */
@Component("money")
class MoneyFormat {

    public String of(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        ULocale locale = switch (LocaleContextHolder.getLocale().getLanguage()) {
            case "ar" -> new ULocale("ar_IQ");
            case "ckb" -> new ULocale("ckb_IQ");
            default -> new ULocale("en_GB");
        };
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + (currency == null ? "" : " " + currency);
    }
}
