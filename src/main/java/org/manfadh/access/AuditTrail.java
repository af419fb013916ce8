package org.manfadh.access;

import java.util.Collection;

/**
 * The audit trail for other modules. API calls are recorded by themselves (sign-ins, every change,
 * the API's reads of personal data); a screen that shows a traveller's personal data outside the
 * API records the read here, as the signed-in user of the current request.
 */
public interface AuditTrail {

    /** Records a read of personal data: what was read (a named operation or a path) and the records' ids. */
    void personalDataRead(String what, Collection<?> recordIds);
}
