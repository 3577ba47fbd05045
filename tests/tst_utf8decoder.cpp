#include "TextLiterals.h"
#include "Utf8Decoder.h"

#include <QRandomGenerator>
#include <QtTest>

namespace {

using TextLiterals::raw;
using TextLiterals::u16;

// The "UTF-8 decoder" of the WHATWG Encoding Standard, step by step as the standard writes it,
// with error mode "replacement".
QString referenceDecode(QByteArrayView input)
{
    QString out;
    char32_t codePoint = 0;
    int bytesSeen = 0;
    int bytesNeeded = 0;
    unsigned lowerBoundary = 0x80;
    unsigned upperBoundary = 0xBF;
    auto push = [&out](char32_t c) {
        if (QChar::requiresSurrogates(c)) {
            out.append(QChar(QChar::highSurrogate(c)));
            out.append(QChar(QChar::lowSurrogate(c)));
        } else {
            out.append(QChar(char16_t(c)));
        }
    };

    qsizetype i = 0;
    while (true) {
        if (i == input.size()) {
            if (bytesNeeded != 0)
                push(0xFFFD);
            return out;
        }
        const unsigned byte = static_cast<unsigned char>(input[i]);
        if (bytesNeeded == 0) {
            ++i;
            if (byte <= 0x7F) {
                push(byte);
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                bytesNeeded = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lowerBoundary = 0xA0;
                if (byte == 0xED)
                    upperBoundary = 0x9F;
                bytesNeeded = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lowerBoundary = 0x90;
                if (byte == 0xF4)
                    upperBoundary = 0x8F;
                bytesNeeded = 3;
                codePoint = byte & 0x7;
            } else {
                push(0xFFFD);
            }
            continue;
        }
        if (byte < lowerBoundary || byte > upperBoundary) {
            // Restore the byte to the stream: it is looked at again.
            codePoint = 0;
            bytesNeeded = 0;
            bytesSeen = 0;
            lowerBoundary = 0x80;
            upperBoundary = 0xBF;
            push(0xFFFD);
            continue;
        }
        ++i;
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        ++bytesSeen;
        if (bytesSeen != bytesNeeded)
            continue;
        push(codePoint);
        codePoint = 0;
        bytesNeeded = 0;
        bytesSeen = 0;
    }
}

QByteArray hex(QByteArrayView bytes)
{
    return bytes.toByteArray().toHex(' ');
}

} // namespace

class TestUtf8Decoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void referenceAgreesWithTable_data() { decode_data(); }
    void referenceAgreesWithTable();
    void allTwoByteSequences();
    void interestingFourByteSequences();
    void randomBytes();
    void randomMostlyAsciiText();
    void splittingAtLineFeedsChangesNothing();
};

// What the parser keeps instead of QStrings: the bytes repaired (ill-formed parts as U+FFFD) must
// decode to what the bytes decode to, and be the bytes themselves exactly when they were well-formed.
bool repairAgrees(QByteArrayView input)
{
    const QByteArray repaired = Utf8Decoder::replaceIllFormed(input);
    return Utf8Decoder::decode(repaired) == Utf8Decoder::decode(input)
        && Utf8Decoder::isWellFormed(repaired)
        && Utf8Decoder::isWellFormed(input) == (repaired == input);
}

void TestUtf8Decoder::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("ASCII") << raw("data: x") << u16(u"data: x");
    QTest::newRow("NUL passes through") << raw("a\0b") << u16(u"a\0b");
    QTest::newRow("DEL") << raw("\x7F") << u16(u"\u007F");

    QTest::newRow("2-byte lowest U+0080") << raw("\xC2\x80") << u16(u"\u0080");
    QTest::newRow("2-byte e acute") << raw("\xC3\xA9") << u16(u"\u00E9");
    QTest::newRow("2-byte highest U+07FF") << raw("\xDF\xBF") << u16(u"\u07FF");
    QTest::newRow("3-byte lowest U+0800") << raw("\xE0\xA0\x80") << u16(u"\u0800");
    QTest::newRow("3-byte euro") << raw("\xE2\x82\xAC") << u16(u"\u20AC");
    QTest::newRow("3-byte last before surrogates U+D7FF") << raw("\xED\x9F\xBF") << u16(u"\uD7FF");
    QTest::newRow("3-byte first after surrogates U+E000") << raw("\xEE\x80\x80") << u16(u"\uE000");
    QTest::newRow("3-byte highest U+FFFF") << raw("\xEF\xBF\xBF") << u16(u"\uFFFF");
    QTest::newRow("3-byte CJK") << raw("\xE8\xB1\x86\xE8\x85\x90") << u16(u"\u8C46\u8150");
    QTest::newRow("4-byte lowest U+10000 is a surrogate pair")
        << raw("\xF0\x90\x80\x80") << u16(u"\U00010000");
    QTest::newRow("4-byte emoji is a surrogate pair") << raw("\xF0\x9F\x98\x80") << u16(u"\U0001F600");
    QTest::newRow("4-byte highest U+10FFFF") << raw("\xF4\x8F\xBF\xBF") << u16(u"\U0010FFFF");
    QTest::newRow("mixed widths") << raw("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z")
                                  << u16(u"a\u00E9\u20AC\U0001F600z");

    QTest::newRow("BOM is not stripped") << raw("\xEF\xBB\xBF" "A") << u16(u"\uFEFFA");
    QTest::newRow("two BOMs are kept") << raw("\xEF\xBB\xBF\xEF\xBB\xBF") << u16(u"\uFEFF\uFEFF");
    QTest::newRow("UTF-16LE BOM gives two U+FFFD") << raw("\xFF\xFE" "d") << u16(u"\uFFFD\uFFFDd");
    QTest::newRow("UTF-16BE BOM gives two U+FFFD") << raw("\xFE\xFF" "d") << u16(u"\uFFFD\uFFFDd");

    QTest::newRow("maximal subpart E2 82 then d") << raw("\xE2\x82" "d") << u16(u"\uFFFDd");
    QTest::newRow("overlong C0 80 gives two") << raw("\xC0\x80") << u16(u"\uFFFD\uFFFD");
    QTest::newRow("overlong C1 BF gives two") << raw("\xC1\xBF") << u16(u"\uFFFD\uFFFD");
    QTest::newRow("overlong E0 80 80 gives three") << raw("\xE0\x80\x80") << u16(u"\uFFFD\uFFFD\uFFFD");
    QTest::newRow("overlong E0 9F BF gives three") << raw("\xE0\x9F\xBF") << u16(u"\uFFFD\uFFFD\uFFFD");
    QTest::newRow("overlong F0 80 80 80 gives four")
        << raw("\xF0\x80\x80\x80") << u16(u"\uFFFD\uFFFD\uFFFD\uFFFD");
    QTest::newRow("overlong F0 8F BF BF gives four")
        << raw("\xF0\x8F\xBF\xBF") << u16(u"\uFFFD\uFFFD\uFFFD\uFFFD");
    QTest::newRow("surrogate ED A0 80 gives three") << raw("\xED\xA0\x80") << u16(u"\uFFFD\uFFFD\uFFFD");
    QTest::newRow("surrogate ED BF BF gives three") << raw("\xED\xBF\xBF") << u16(u"\uFFFD\uFFFD\uFFFD");
    QTest::newRow("surrogate pair encoded as two sequences gives six")
        << raw("\xED\xA0\xBD\xED\xB8\x80") << u16(u"\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    QTest::newRow("above U+10FFFF F4 90 80 80 gives four")
        << raw("\xF4\x90\x80\x80") << u16(u"\uFFFD\uFFFD\uFFFD\uFFFD");
    QTest::newRow("F5 lead gives one per byte") << raw("\xF5\x80") << u16(u"\uFFFD\uFFFD");
    QTest::newRow("FF gives one") << raw("\xFF") << u16(u"\uFFFD");
    QTest::newRow("FE gives one") << raw("a\xFE" "b") << u16(u"a\uFFFDb");
    QTest::newRow("lone continuation byte") << raw("\x80") << u16(u"\uFFFD");
    QTest::newRow("two continuation bytes") << raw("\x80\xBF") << u16(u"\uFFFD\uFFFD");

    QTest::newRow("truncated 2-byte at end") << raw("a\xC3") << u16(u"a\uFFFD");
    QTest::newRow("truncated 3-byte at end after one byte") << raw("a\xE2") << u16(u"a\uFFFD");
    QTest::newRow("truncated 3-byte at end after two bytes") << raw("a\xE2\x82") << u16(u"a\uFFFD");
    QTest::newRow("truncated 4-byte at end after three bytes")
        << raw("a\xF0\x9F\x98") << u16(u"a\uFFFD");
    QTest::newRow("truncated 4-byte then ASCII") << raw("\xF0\x9F\x98" "A") << u16(u"\uFFFDA");
    QTest::newRow("truncated sequence then a new lead") << raw("\xE2\x82\xC3\xA9")
                                                        << u16(u"\uFFFD\u00E9");
    QTest::newRow("lead then lead") << raw("\xC3\xC3\xA9") << u16(u"\uFFFD\u00E9");
    QTest::newRow("truncated sequence before LF") << raw("\xE2\x82\n") << u16(u"\uFFFD\n");
}

void TestUtf8Decoder::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(Utf8Decoder::decode(input), expected);
    QVERIFY(repairAgrees(input));
}

void TestUtf8Decoder::referenceAgreesWithTable()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(referenceDecode(input), expected);
}

void TestUtf8Decoder::allTwoByteSequences()
{
    char bytes[3] = {0, 0, 'x'};
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            bytes[0] = char(a);
            bytes[1] = char(b);
            for (qsizetype size : {2, 3}) {
                const QByteArrayView input(bytes, size);
                const QString actual = Utf8Decoder::decode(input);
                if (actual != referenceDecode(input))
                    QFAIL(QByteArray("differs from the reference for " + hex(input)).constData());
            }
        }
    }
}

void TestUtf8Decoder::interestingFourByteSequences()
{
    // Every boundary of every lead byte class, in every position of a 4-byte window.
    const QByteArray interesting = raw("\x00\x41\x7F\x80\x8F\x90\x9F\xA0\xBF\xC0\xC1\xC2\xDF\xE0"
                                       "\xE1\xEC\xED\xEE\xEF\xF0\xF1\xF3\xF4\xF5\xFE\xFF\n");
    char bytes[4];
    for (char a : interesting) {
        for (char b : interesting) {
            for (char c : interesting) {
                for (char d : interesting) {
                    bytes[0] = a;
                    bytes[1] = b;
                    bytes[2] = c;
                    bytes[3] = d;
                    const QByteArrayView input(bytes, 4);
                    if (Utf8Decoder::decode(input) != referenceDecode(input))
                        QFAIL(QByteArray("differs from the reference for " + hex(input)).constData());
                    if (!repairAgrees(input))
                        QFAIL(QByteArray("repair differs for " + hex(input)).constData());
                }
            }
        }
    }
}

void TestUtf8Decoder::randomBytes()
{
    QRandomGenerator random(20240611);
    const QByteArray alphabet = raw("\x00\x41\x0A\x80\x8F\x90\x9F\xA0\xBF\xC2\xDF\xE0\xE2\xED\xEF"
                                    "\xF0\xF4\xF5\xFF");
    for (int round = 0; round < 20000; ++round) {
        QByteArray input(random.bounded(1, 24), Qt::Uninitialized);
        for (char &byte : input) {
            byte = random.bounded(3) == 0 ? char(random.bounded(256))
                                          : alphabet.at(random.bounded(int(alphabet.size())));
        }
        if (Utf8Decoder::decode(input) != referenceDecode(input))
            QFAIL(QByteArray("differs from the reference for " + hex(input)).constData());
        if (!repairAgrees(input))
            QFAIL(QByteArray("repair differs for " + hex(input)).constData());
    }
}

void TestUtf8Decoder::randomMostlyAsciiText()
{
    // Long ASCII runs with the odd multi-byte or broken sequence at every alignment.
    QRandomGenerator random(99);
    const QList<QByteArray> specials = {raw("\xC3\xA9"), raw("\xE2\x82\xAC"), raw("\xF0\x9F\x98\x80"),
                                        raw("\xE2\x82"), raw("\xFF"), raw("\x80"), raw("\xED\xA0\x80"),
                                        raw("\xF0\x9F\x98")};
    for (int round = 0; round < 20000; ++round) {
        QByteArray input;
        const int pieces = random.bounded(1, 6);
        for (int piece = 0; piece < pieces; ++piece) {
            const int run = random.bounded(0, 40);
            for (int i = 0; i < run; ++i)
                input += char(random.bounded(0, 128));
            if (random.bounded(4) != 0)
                input += specials.at(random.bounded(int(specials.size())));
        }
        if (Utf8Decoder::decode(input) != referenceDecode(input))
            QFAIL(QByteArray("differs from the reference for " + hex(input)).constData());
        if (!repairAgrees(input))
            QFAIL(QByteArray("repair differs for " + hex(input)).constData());
    }
}

void TestUtf8Decoder::splittingAtLineFeedsChangesNothing()
{
    // The parser decodes line by line; that must equal decoding the whole text at once.
    QRandomGenerator random(7);
    const QByteArray alphabet = raw("\x0A\x0D\x41\x80\xBF\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\xED\xFF");
    for (int round = 0; round < 5000; ++round) {
        QByteArray input(random.bounded(1, 32), Qt::Uninitialized);
        for (char &byte : input)
            byte = alphabet.at(random.bounded(int(alphabet.size())));
        QString pieces;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= input.size(); ++i) {
            if (i == input.size() || input.at(i) == '\n' || input.at(i) == '\r') {
                pieces += Utf8Decoder::decode(QByteArrayView(input).sliced(start, i - start));
                if (i < input.size())
                    pieces += QChar(input.at(i));
                start = i + 1;
            }
        }
        if (pieces != Utf8Decoder::decode(input))
            QFAIL(QByteArray("line-wise decoding differs for " + hex(input)).constData());
    }
}

QTEST_GUILESS_MAIN(TestUtf8Decoder)
#include "tst_utf8decoder.moc"
