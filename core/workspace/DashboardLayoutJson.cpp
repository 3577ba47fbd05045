// DashboardLayout as JSON, for sessions: written in full, read leniently (what cannot be read
// is skipped and named).
#include "DashboardLayout.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <cmath>
#include <limits>

namespace {

QString kindName(PanelConfig::Kind kind)
{
    switch (kind) {
    case PanelConfig::Kind::TimeSeries:
        return QStringLiteral("timeSeries");
    case PanelConfig::Kind::StatTile:
        return QStringLiteral("statTile");
    case PanelConfig::Kind::ConnectionTimeline:
        return QStringLiteral("connectionTimeline");
    case PanelConfig::Kind::EventRate:
        return QStringLiteral("eventRate");
    }
    return {};
}

std::optional<PanelConfig::Kind> kindFromName(const QString &name)
{
    for (PanelConfig::Kind kind : {PanelConfig::Kind::TimeSeries, PanelConfig::Kind::StatTile,
                                   PanelConfig::Kind::ConnectionTimeline, PanelConfig::Kind::EventRate}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString levelName(PanelThreshold::Level level)
{
    switch (level) {
    case PanelThreshold::Level::Ok:
        return QStringLiteral("ok");
    case PanelThreshold::Level::Warning:
        return QStringLiteral("warning");
    case PanelThreshold::Level::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

std::optional<PanelThreshold::Level> levelFromName(const QString &name)
{
    for (PanelThreshold::Level level : {PanelThreshold::Level::Ok, PanelThreshold::Level::Warning,
                                        PanelThreshold::Level::Critical}) {
        if (levelName(level) == name)
            return level;
    }
    return std::nullopt;
}

// Stream ids are written as JSON numbers, which hold whole numbers exactly up to 2^53.
constexpr double LargestStreamId = 9007199254740992.0;
// Read ids stay far enough below INT_MAX for new ones to follow them.
constexpr double LargestPanelId = 1'000'000'000.0;

QJsonObject panelToJson(const DashboardLayout::Cell &cell)
{
    const PanelConfig &panel = cell.panel;
    QJsonArray series;
    for (const PanelSeries &item : panel.series) {
        series.append(QJsonObject{{QStringLiteral("stream"), double(item.stream)},
                                  {QStringLiteral("key"), item.key},
                                  {QStringLiteral("axis"), item.axis}});
    }
    QJsonArray thresholds;
    for (const PanelThreshold &threshold : panel.thresholds) {
        thresholds.append(QJsonObject{{QStringLiteral("value"), threshold.value},
                                      {QStringLiteral("level"), levelName(threshold.level)}});
    }
    QJsonArray streams;
    for (quint64 stream : panel.streams)
        streams.append(double(stream));
    return {
        {QStringLiteral("id"), panel.id},
        {QStringLiteral("weight"), cell.weight},
        {QStringLiteral("kind"), kindName(panel.kind)},
        {QStringLiteral("title"), panel.title},
        {QStringLiteral("series"), series},
        {QStringLiteral("logScaleLeft"), panel.logScaleLeft},
        {QStringLiteral("logScaleRight"), panel.logScaleRight},
        {QStringLiteral("markerTypes"), QJsonArray::fromStringList(panel.markerTypes)},
        {QStringLiteral("thresholds"), thresholds},
        {QStringLiteral("showBytes"), panel.showBytes},
        {QStringLiteral("streams"), streams},
    };
}

// Reads the parts of a layout it understands and notes, with where it was, what it skipped.
class LayoutReader
{
public:
    QStringList problems;

    void note(const QString &where, const QString &what) { problems.append(where + u' ' + what); }

    QJsonArray array(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (value.isArray())
            return value.toArray();
        if (!value.isUndefined())
            note(where + key, DashboardLayout::tr("should be a list; it was skipped"));
        return {};
    }

    int weight(const QJsonObject &object, const QString &where)
    {
        const QJsonValue value = object.value(QStringLiteral("weight"));
        if (value.isUndefined())
            return DashboardLayout::DefaultWeight;
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            note(where + QStringLiteral("weight"), DashboardLayout::tr("should be a number"));
            return DashboardLayout::DefaultWeight;
        }
        return DashboardLayout::clampWeight(value.toDouble());
    }

    void readBool(const QJsonObject &object, const QString &key, const QString &where, bool *target)
    {
        const QJsonValue value = object.value(key);
        if (value.isBool())
            *target = value.toBool();
        else if (!value.isUndefined())
            note(where + key, DashboardLayout::tr("should be true or false"));
    }

    void readString(const QJsonObject &object, const QString &key, const QString &where, QString *target)
    {
        const QJsonValue value = object.value(key);
        if (value.isString())
            *target = value.toString();
        else if (!value.isUndefined())
            note(where + key, DashboardLayout::tr("should be a string"));
    }

    std::optional<quint64> streamId(const QJsonValue &value, const QString &where)
    {
        const double d = value.toDouble(-1);
        if (!value.isDouble() || d < 0 || d > LargestStreamId || d != std::floor(d)) {
            note(where, DashboardLayout::tr("should be a stream number, 0 or more; it was skipped"));
            return std::nullopt;
        }
        return quint64(d);
    }

    std::optional<DashboardLayout::Cell> cell(const QJsonValue &value, const QString &where);
};

std::optional<DashboardLayout::Cell> LayoutReader::cell(const QJsonValue &value, const QString &where)
{
    if (!value.isObject()) {
        note(where.chopped(1), DashboardLayout::tr("should be an object; it was skipped"));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    DashboardLayout::Cell cell;
    PanelConfig &panel = cell.panel;
    const QJsonValue kind = object.value(QStringLiteral("kind"));
    if (!kind.isUndefined()) {
        const std::optional<PanelConfig::Kind> known = kindFromName(kind.toString());
        if (!kind.isString() || !known) {
            note(where.chopped(1), DashboardLayout::tr("is a panel of an unknown kind (%1); it was skipped")
                                       .arg(kind.isString() ? kind.toString() : DashboardLayout::tr("not a name")));
            return std::nullopt;
        }
        panel.kind = *known;
    }
    const QJsonValue id = object.value(QStringLiteral("id"));
    // Ids that are missing or not positive whole numbers are given new ones by the caller.
    if (id.isDouble() && id.toDouble() >= 1 && id.toDouble() <= LargestPanelId
        && id.toDouble() == std::floor(id.toDouble()))
        panel.id = int(id.toDouble());
    cell.weight = weight(object, where);
    readString(object, QStringLiteral("title"), where, &panel.title);
    readBool(object, QStringLiteral("logScaleLeft"), where, &panel.logScaleLeft);
    readBool(object, QStringLiteral("logScaleRight"), where, &panel.logScaleRight);
    readBool(object, QStringLiteral("showBytes"), where, &panel.showBytes);

    const QJsonArray series = array(object, QStringLiteral("series"), where);
    for (qsizetype i = 0; i < series.size(); ++i) {
        const QString at = where + QStringLiteral("series[%1]").arg(i);
        const QJsonObject item = series.at(i).toObject();
        const QString key = item.value(QStringLiteral("key")).toString();
        if (!series.at(i).isObject() || key.isEmpty()) {
            note(at, DashboardLayout::tr("should be an object with a field key; it was skipped"));
            continue;
        }
        PanelSeries plotted;
        plotted.key = key;
        if (item.contains(QStringLiteral("stream"))) {
            const std::optional<quint64> stream = streamId(item.value(QStringLiteral("stream")), at + QStringLiteral(".stream"));
            if (!stream)
                continue;
            plotted.stream = *stream;
        }
        const QJsonValue axis = item.value(QStringLiteral("axis"));
        if (axis.isDouble() && (axis.toDouble() == 0 || axis.toDouble() == 1))
            plotted.axis = int(axis.toDouble());
        else if (!axis.isUndefined())
            note(at + QStringLiteral(".axis"), DashboardLayout::tr("should be 0 or 1"));
        panel.series.append(plotted);
    }

    const QJsonArray markers = array(object, QStringLiteral("markerTypes"), where);
    for (qsizetype i = 0; i < markers.size(); ++i) {
        if (markers.at(i).isString())
            panel.markerTypes.append(markers.at(i).toString());
        else
            note(where + QStringLiteral("markerTypes[%1]").arg(i), DashboardLayout::tr("should be a string; it was skipped"));
    }

    const QJsonArray thresholds = array(object, QStringLiteral("thresholds"), where);
    for (qsizetype i = 0; i < thresholds.size(); ++i) {
        const QJsonObject item = thresholds.at(i).toObject();
        const QJsonValue thresholdValue = item.value(QStringLiteral("value"));
        const QJsonValue level = item.value(QStringLiteral("level"));
        const std::optional<PanelThreshold::Level> knownLevel =
            level.isUndefined() ? std::optional(PanelThreshold::Level::Warning) : levelFromName(level.toString());
        if (!thresholdValue.isDouble() || !knownLevel || (!level.isUndefined() && !level.isString())) {
            note(where + QStringLiteral("thresholds[%1]").arg(i),
                 DashboardLayout::tr("should be a value and a level (\"ok\", \"warning\" or \"critical\"); it was skipped"));
            continue;
        }
        panel.thresholds.append({thresholdValue.toDouble(), *knownLevel});
    }

    const QJsonArray streams = array(object, QStringLiteral("streams"), where);
    for (qsizetype i = 0; i < streams.size(); ++i) {
        if (const auto stream = streamId(streams.at(i), where + QStringLiteral("streams[%1]").arg(i)))
            panel.streams.append(*stream);
    }
    return cell;
}

} // namespace

QJsonObject DashboardLayout::toJson() const
{
    QJsonArray rows;
    for (const Row &row : m_rows) {
        QJsonArray panels;
        for (const Cell &cell : row.cells)
            panels.append(panelToJson(cell));
        rows.append(QJsonObject{{QStringLiteral("weight"), row.weight}, {QStringLiteral("panels"), panels}});
    }
    return {{QStringLiteral("rows"), rows}};
}

DashboardLayout DashboardLayout::fromJson(const QJsonObject &json, QString *error)
{
    LayoutReader reader;
    DashboardLayout layout;
    const QJsonArray rows = reader.array(json, QStringLiteral("rows"), {});
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QString where = QStringLiteral("rows[%1]").arg(r);
        if (!rows.at(r).isObject()) {
            reader.note(where, DashboardLayout::tr("should be an object; it was skipped"));
            continue;
        }
        const QJsonObject rowObject = rows.at(r).toObject();
        const int rowWeight = reader.weight(rowObject, where + u'.');
        QList<Cell> cells;
        const QJsonArray panels = reader.array(rowObject, QStringLiteral("panels"), where + u'.');
        for (qsizetype c = 0; c < panels.size(); ++c) {
            if (auto cell = reader.cell(panels.at(c), where + QStringLiteral(".panels[%1].").arg(c)))
                cells.append(*cell);
        }
        if (cells.size() > MaxColumns)
            reader.note(where, DashboardLayout::tr("holds more than %1 panels; the others start a row below").arg(MaxColumns));
        // No empty rows, and no row fuller than MaxColumns: the overflow starts a row of its own.
        for (qsizetype first = 0; first < cells.size(); first += MaxColumns)
            layout.m_rows.append(Row{cells.mid(first, MaxColumns), rowWeight});
    }

    // Ids are kept where they are unique; the others are given new ones after the largest kept.
    QSet<int> used;
    for (Row &row : layout.m_rows) {
        for (Cell &cell : row.cells) {
            if (cell.panel.id > 0 && !used.contains(cell.panel.id))
                used.insert(cell.panel.id);
            else
                cell.panel.id = 0;
        }
    }
    for (int id : std::as_const(used))
        layout.m_nextId = qMax(layout.m_nextId, id + 1);
    for (Row &row : layout.m_rows) {
        for (Cell &cell : row.cells) {
            if (cell.panel.id == 0)
                cell.panel.id = layout.m_nextId++;
        }
    }

    if (error)
        *error = reader.problems.join(QStringLiteral("; "));
    return layout;
}
