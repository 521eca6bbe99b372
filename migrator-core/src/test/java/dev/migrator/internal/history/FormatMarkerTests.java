package dev.migrator.internal.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatMarkerTests {

    @Test
    void markerOfTheFirstFormatIsTheCommentItAlwaysWas() {
        assertThat(FormatMarker.FIRST.comment()).isEqualTo("migrator history, format 1");
        assertThat(FormatMarker.parse("migrator history, format 1")).isEqualTo(FormatMarker.FIRST);
    }

    @Test
    void markerWithoutMinReaderNeedsItsOwnFormat() {
        assertThat(FormatMarker.parse("migrator history, format 4")).isEqualTo(new FormatMarker(4, 4));
    }

    @Test
    void markerWithMinReaderRoundTrips() {
        FormatMarker marker = new FormatMarker(3, 1);
        assertThat(marker.comment()).isEqualTo("migrator history, format 3, min-reader 1");
        assertThat(FormatMarker.parse(marker.comment())).isEqualTo(marker);
    }

    @Test
    void malformedMarkersAreNotParsed() {
        assertThat(FormatMarker.parse("migrator history, format two")).isNull();
        assertThat(FormatMarker.parse("migrator history, format 2, min-reader")).isNull();
        assertThat(FormatMarker.parse("migrator history, format 2, min-reader 3")).isNull();
        assertThat(FormatMarker.parse("migrator history, format 0")).isNull();
        assertThat(FormatMarker.parse("migrator history, format 99999999999")).isNull();
    }

    @Test
    void otherCommentsAreNoMarker() {
        assertThat(FormatMarker.isMarker(null)).isFalse();
        assertThat(FormatMarker.isMarker("our audit table")).isFalse();
    }

}
