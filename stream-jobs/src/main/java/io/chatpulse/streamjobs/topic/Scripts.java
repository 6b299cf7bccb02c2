package io.chatpulse.streamjobs.topic;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;

/** Which writing systems separate words with spaces, the rule that decides how a phrase matches. */
final class Scripts {

    /** Scripts written without spaces between words: a phrase in one is found as a substring. */
    private static final Set<UnicodeScript> WITHOUT_SPACES = EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER,
            UnicodeScript.MYANMAR, UnicodeScript.TIBETAN);

    private Scripts() {
    }

    /** False when any character of the phrase is of a script written without spaces. */
    static boolean writtenWithSpaces(String phrase) {
        return phrase.codePoints().noneMatch(Scripts::withoutSpaces);
    }

    /**
     * True when the character at {@code index} continues a word of a spaced script, so a phrase
     * next to it is part of a longer word; false outside the text, for punctuation, spaces and the
     * characters of scripts without spaces ("我要refund" names "refund").
     */
    static boolean isWordCharacter(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        int c = Character.codePointAt(text, index);
        if (Character.isLowSurrogate(text.charAt(index)) && index > 0) {
            c = Character.codePointBefore(text, index + 1);
        }
        return Character.isLetterOrDigit(c) && !withoutSpaces(c);
    }

    private static boolean withoutSpaces(int codePoint) {
        return WITHOUT_SPACES.contains(UnicodeScript.of(codePoint));
    }
}
