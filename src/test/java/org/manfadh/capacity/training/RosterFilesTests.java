package org.manfadh.capacity.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.manfadh.platform.Rejection;

/** Reading roster files: columns by header in three languages, and any bytes at all answered with a rejection. */
class RosterFilesTests {

    @Test
    void readsColumnsByEnglishArabicOrKurdishHeaderInAnyOrder() {
        List<RosterFiles.Row> rows = RosterFiles.read(("الجنس;ناو;Agency;Border Point\nF;Hêvî;BPC;IBK\n\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().number()).isEqualTo(2);
        assertThat(rows.getFirst().cells()).containsEntry("sex", "F").containsEntry("name", "Hêvî")
                .containsEntry("agency", "BPC").containsEntry("borderPoint", "IBK");
    }

    @Test
    void namesEveryUnknownOrMissingColumn() {
        Rejection refusal = (Rejection) catchThrowable(() -> RosterFiles.read("name,colour,colour\nA,red,blue\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(refusal.code()).isEqualTo("invalid-roster");
        assertThat(refusal.facts().get("errors").toString()).contains("colour").contains("agency");
    }

    @Property(tries = 300)
    void answersAnyBytesWithRowsOrARejection(@ForAll @Size(max = 3000) byte[] content) {
        Throwable thrown = catchThrowable(() -> RosterFiles.read(content));
        assertThat(thrown == null || thrown instanceof Rejection).as(String.valueOf(thrown)).isTrue();
    }

    @Property(tries = 200)
    void answersAnyZipLookingBytesWithARejection(@ForAll("zipLooking") byte[] content) {
        Throwable thrown = catchThrowable(() -> RosterFiles.read(content));
        assertThat(thrown).isInstanceOf(Rejection.class);
    }

    @Provide
    Arbitrary<byte[]> zipLooking() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(3000).map(bytes -> {
            bytes[0] = 'P';
            bytes[1] = 'K';
            bytes[2] = 3;
            bytes[3] = 4;
            return bytes;
        });
    }

    @Property(tries = 300)
    void answersAnyCsvTextWithRowsOrARejection(@ForAll @Size(max = 400) String text) {
        Throwable thrown = catchThrowable(() -> RosterFiles.read(("name,sex,agency\n" + text)
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(thrown == null || thrown instanceof Rejection).as(String.valueOf(thrown)).isTrue();
    }
}
