#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <memory>

// A number, boolean or string leaf of a JSON payload, valid during one visit.
struct JsonLeaf
{
    enum class Kind { Number, Bool, String };

    Kind kind = Kind::Number;
    double number = 0; // a Number's value; 0 or 1 for a Bool
    QByteArrayView utf8Text; // a String's text

    bool isString() const { return kind == Kind::String; }
    bool isBool() const { return kind == Kind::Bool; }
    QJsonValue toJsonValue() const;
};

// Walks the leaves of JSON payloads in FieldExtractor's order (object keys sorted) and with its
// paths. simdjson reads the payloads it can answer for exactly as Qt would; the rest (not JSON to
// it, duplicate or non-ASCII keys, numbers beyond a double's range) are read by QJsonDocument, so
// that what is visited never depends on which parser read it. One scanner keeps its buffers
// between payloads: give each owner its own, and use it from one thread.
class JsonLeafScanner
{
public:
    using Visit = std::function<void(const QString &path, const JsonLeaf &leaf)>;

    JsonLeafScanner();
    ~JsonLeafScanner();
    JsonLeafScanner(const JsonLeafScanner &) = delete;
    JsonLeafScanner &operator=(const JsonLeafScanner &) = delete;

    // Calls visit(path, leaf) for every leaf of the payload ("/" for a bare value); a payload that
    // is not JSON but reads as a number is one leaf at "/". False, having visited nothing, for
    // anything else.
    bool scan(QByteArrayView utf8Payload, const Visit &visit);

    // The same through QJsonDocument only: the reference the fast path answers to.
    static bool scanWithQt(QByteArrayView utf8Payload, const Visit &visit);

private:
    struct Fast;
    std::unique_ptr<Fast> m_fast;
    QString m_path;
};
