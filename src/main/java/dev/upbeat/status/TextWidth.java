package dev.upbeat.status;

/**
 * Estimates how wide a line of text is in Verdana at 11 px, the font shields.io badges are laid
 * out for, so a badge's boxes fit their words. Printable ASCII uses Verdana's advance widths; wide
 * (CJK) characters count one em, combining marks nothing, anything else as wide as a capital.
 * The badge also tells the renderer this width (textLength), so a wrong guess squeezes the text
 * rather than overflowing the box.
 */
final class TextWidth {
    private static final double UNITS_PER_EM = 2048;
    private static final double FONT_SIZE_PX = 11;
    private static final int FIRST = ' ';
    private static final int CAPITAL = 1401;
    private static final int EM = 2048;

    // Advance widths in font units for ' ' (32) through '~' (126).
    private static final int[] VERDANA = {
        720, 824, 1075, 1798, 1393, 2451, 1594, 614, 1024, 1024, 1393, 1798, 805, 1024, 805, 1024,
        1393, 1393, 1393, 1393, 1393, 1393, 1393, 1393, 1393, 1393, 1024, 1024, 1798, 1798, 1798, 1200,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 862, 1011, 1423, 1136, 1720, 1530, 1614,
        1237, 1614, 1434, 1393, 1243, 1507, 1401, 2037, 1405, 1254, 1405, 1024, 1024, 1024, 1798, 1393,
        1393, 1229, 1276, 1067, 1276, 1220, 720, 1276, 1296, 559, 700, 1208, 559, 1987, 1296, 1243,
        1276, 1276, 874, 1067, 807, 1296, 1208, 1669, 1208, 1208, 1067, 1393, 1024, 1393, 1798,
    };

    private TextWidth() {
    }

    static double verdana11(String text) {
        long units = text.codePoints().mapToLong(TextWidth::units).sum();
        return units * FONT_SIZE_PX / UNITS_PER_EM;
    }

    private static int units(int c) {
        if (c >= FIRST && c < FIRST + VERDANA.length) {
            return VERDANA[c - FIRST];
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK) {
            return 0;
        }
        return isWide(c) ? EM : CAPITAL;
    }

    /** East Asian wide and full-width blocks (Hangul, CJK, kana, full-width forms) and beyond the BMP. */
    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F000;
    }
}
