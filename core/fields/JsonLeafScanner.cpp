#include "JsonLeafScanner.h"

#include "FieldExtractor.h"
#include "JsonPath.h"

#include <simdjson.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

// Payloads up to this size are read with the scanner's own parser; a larger one gets a parser of
// its own, so that one huge event does not keep its buffers alive for the stream's lifetime.
constexpr std::size_t ReusedParserCapacity = 64 * 1024;

using Element = simdjson::dom::element;
using ElementType = simdjson::dom::element_type;
using Member = std::pair<std::string_view, Element>;

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

QJsonValue JsonLeaf::toJsonValue() const
{
    switch (kind) {
    case Kind::Number: return QJsonValue(number);
    case Kind::Bool: return QJsonValue(number != 0);
    case Kind::String: return QJsonValue(QString::fromUtf8(utf8Text));
    }
    return {};
}

// The simdjson reading. An object's members are visited in Qt's order, which for ASCII keys is
// byte order; keys beyond ASCII (whose UTF-16 order can differ) and duplicate keys (which Qt
// resolves its own way) are left to Qt, as are numbers simdjson cannot hold in a double and
// fractions that read as zero (Qt refuses one that underflows, and only the text tells which).
struct JsonLeafScanner::Fast
{
    simdjson::dom::parser parser;
    // Every object's members in key order, objects in the order both passes meet them: the
    // checking pass writes them, the visiting pass reads them, so each object is sorted once.
    std::vector<Member> orderedMembers;
    std::vector<std::size_t> memberCounts;
    std::size_t nextMember = 0;
    std::size_t nextObject = 0;

    static bool keyBefore(const Member &a, const Member &b)
    {
        // Keys are short: an inline loop beats a call to memcmp.
        const std::size_t common = std::min(a.first.size(), b.first.size());
        for (std::size_t i = 0; i < common; ++i) {
            if (a.first[i] != b.first[i])
                return static_cast<unsigned char>(a.first[i]) < static_cast<unsigned char>(b.first[i]);
        }
        return a.first.size() < b.first.size();
    }

    // Orders the members of `object` after the lists already there; false when the object must
    // be left to Qt.
    bool orderMembers(simdjson::dom::object object)
    {
        const std::size_t first = orderedMembers.size();
        for (const simdjson::dom::key_value_pair member : object) {
            if (!isAscii(member.key))
                return false;
            orderedMembers.emplace_back(member.key, member.value);
        }
        const auto begin = orderedMembers.begin() + std::ptrdiff_t(first);
        if (!std::is_sorted(begin, orderedMembers.end(), keyBefore))
            std::sort(begin, orderedMembers.end(), keyBefore);
        const auto sameKey = [](const Member &a, const Member &b) { return a.first == b.first; };
        if (std::adjacent_find(begin, orderedMembers.end(), sameKey) != orderedMembers.end())
            return false;
        memberCounts.push_back(orderedMembers.size() - first);
        return true;
    }

    // Whether every value under `element` is one this reading answers for.
    bool readable(Element element)
    {
        switch (element.type()) {
        case ElementType::DOUBLE:
            return element.get_double().value_unsafe() != 0;
        case ElementType::ARRAY: {
            const simdjson::dom::array items = element.get_array().value_unsafe();
            for (const Element item : items)
                if (!readable(item))
                    return false;
            return true;
        }
        case ElementType::OBJECT: {
            const std::size_t first = orderedMembers.size();
            if (!orderMembers(element.get_object().value_unsafe()))
                return false;
            // By index: the recursion appends to the list.
            for (std::size_t i = first, end = orderedMembers.size(); i < end; ++i)
                if (!readable(orderedMembers[i].second))
                    return false;
            return true;
        }
        default:
            return true;
        }
    }

    void visitLeaves(Element element, QString &path, const Visit &visit)
    {
        JsonLeaf leaf;
        switch (element.type()) {
        case ElementType::INT64:
            leaf.number = double(element.get_int64().value_unsafe());
            break;
        case ElementType::UINT64:
            leaf.number = double(element.get_uint64().value_unsafe());
            break;
        case ElementType::DOUBLE:
            leaf.number = element.get_double().value_unsafe();
            break;
        case ElementType::BOOL:
            leaf.kind = JsonLeaf::Kind::Bool;
            leaf.number = element.get_bool().value_unsafe() ? 1.0 : 0.0;
            break;
        case ElementType::STRING: {
            const std::string_view text = element.get_string().value_unsafe();
            leaf.kind = JsonLeaf::Kind::String;
            leaf.utf8Text = QByteArrayView(text.data(), qsizetype(text.size()));
            break;
        }
        case ElementType::NULL_VALUE:
            return;
        case ElementType::ARRAY: {
            const qsizetype length = path.size();
            qsizetype index = 0;
            const simdjson::dom::array items = element.get_array().value_unsafe();
            for (const Element item : items) {
                JsonPath::appendIndex(path, index++);
                visitLeaves(item, path, visit);
                path.truncate(length);
            }
            return;
        }
        case ElementType::OBJECT: {
            const std::size_t first = nextMember;
            const std::size_t end = first + memberCounts[nextObject++];
            nextMember = end;
            const qsizetype length = path.size();
            for (std::size_t i = first; i < end; ++i) {
                const std::string_view key = orderedMembers[i].first;
                JsonPath::appendKey(path, QLatin1StringView(key.data(), qsizetype(key.size())));
                visitLeaves(orderedMembers[i].second, path, visit);
                path.truncate(length);
            }
            return;
        }
        }
        if (path.isEmpty()) {
            path += QLatin1Char('/');
            visit(path, leaf);
            path.truncate(0);
        } else {
            visit(path, leaf);
        }
    }

    bool scan(simdjson::dom::parser &reader, QByteArrayView utf8, QString &path, const Visit &visit)
    {
        // An empty view may have no data at all, and simdjson copies from it: no JSON anyway.
        if (utf8.isEmpty())
            return false;
        Element root;
        if (reader.parse(utf8.data(), std::size_t(utf8.size()), true).get(root) != simdjson::SUCCESS)
            return false;
        orderedMembers.clear();
        memberCounts.clear();
        if (!readable(root))
            return false;
        nextMember = 0;
        nextObject = 0;
        path.clear();
        visitLeaves(root, path, visit);
        return true;
    }
};

JsonLeafScanner::JsonLeafScanner()
    : m_fast(std::make_unique<Fast>())
{
    m_path.reserve(64);
}

JsonLeafScanner::~JsonLeafScanner() = default;

bool JsonLeafScanner::scan(QByteArrayView utf8Payload, const Visit &visit)
{
    if (std::size_t(utf8Payload.size()) <= ReusedParserCapacity) {
        if (m_fast->scan(m_fast->parser, utf8Payload, m_path, visit))
            return true;
    } else {
        simdjson::dom::parser oneOff;
        if (m_fast->scan(oneOff, utf8Payload, m_path, visit))
            return true;
    }
    return scanWithQt(utf8Payload, visit);
}

bool JsonLeafScanner::scanWithQt(QByteArrayView utf8Payload, const Visit &visit)
{
    const std::optional<QJsonValue> root = FieldExtractor::parse(utf8Payload.toByteArray());
    if (!root)
        return false;
    FieldExtractor::forEachLeaf(*root, [&visit](const QString &path, const QJsonValue &value) {
        JsonLeaf leaf;
        QByteArray text;
        if (value.isString()) {
            leaf.kind = JsonLeaf::Kind::String;
            text = value.toString().toUtf8();
            leaf.utf8Text = text;
        } else if (value.isBool()) {
            leaf.kind = JsonLeaf::Kind::Bool;
            leaf.number = value.toBool() ? 1.0 : 0.0;
        } else {
            leaf.number = value.toDouble();
        }
        visit(path, leaf);
    });
    return true;
}
