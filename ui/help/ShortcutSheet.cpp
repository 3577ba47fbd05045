#include "ShortcutSheet.h"

#include "TableViews.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// "Ctrl+", "Ctrl+Shift+" as the platform writes them.
QString modifierPrefix(Qt::KeyboardModifiers modifiers)
{
    QString text = QKeySequence(QKeyCombination(modifiers, Qt::Key_A)).toString(QKeySequence::NativeText);
    text.chop(1);
    return text;
}

QString keyNames(std::initializer_list<Qt::Key> keys)
{
    QStringList names;
    for (Qt::Key key : keys)
        names.append(QKeySequence(key).toString(QKeySequence::NativeText));
    return names.join(QStringLiteral(", "));
}

} // namespace

QList<ShortcutModel::Entry> ShortcutSheet::viewKeys()
{
    // Space (pause), Esc (follow the newest data), Ctrl+F (find) and Ctrl+E (export) are actions:
    // their rows come from the actions.
    const QString charts = tr("Charts");
    const QString log = tr("Event log");
    return {
        {tr("Zoom time (while following, the right edge stays at now)"), modifierPrefix(Qt::ControlModifier) + tr("Wheel"),
         charts, {}},
        {tr("Zoom values"), modifierPrefix(Qt::ControlModifier | Qt::ShiftModifier) + tr("Wheel"), charts, {}},
        {tr("Zoom into a region"), tr("Drag"), charts, {}},
        {tr("Pan"), keyNames({Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down}), charts,
         tr("With the focus on a chart (click it)")},
        {tr("Pan with the mouse"), tr("Right drag, %1Drag").arg(modifierPrefix(Qt::ShiftModifier)), charts, {}},
        {tr("Zoom time in, out"), keyNames({Qt::Key_Plus, Qt::Key_Minus}), charts,
         tr("With the focus on a chart (click it)")},
        {tr("Follow the newest data"), tr("%1, Double-click").arg(keyNames({Qt::Key_Home})), charts,
         tr("With the focus on a chart (click it)")},
        {tr("Select the point's event in the log"), tr("Click a point"), charts, {}},
        {tr("Show the event's details and stop Follow Tail"), tr("Click a row"), log, {}},
    };
}

ShortcutSheet::ShortcutSheet(QMainWindow *window)
    : QDialog(window)
    , m_window(window)
    , m_model(new ShortcutModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_view(TableViews::create(this))
{
    setObjectName(QStringLiteral("shortcutSheet"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    setModal(false);

    m_filterEdit->setObjectName(QStringLiteral("shortcutFilter"));
    m_filterEdit->setPlaceholderText(tr("Type to filter (action, key or menu)"));
    m_filterEdit->setClearButtonEnabled(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(ShortcutModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("shortcutTable"));
    m_view->setModel(m_proxy);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ShortcutModel::PlaceColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ShortcutModel::ActionColumn, QHeaderView::Stretch);
    // The shortcut and menu columns are as wide as their longest entry and some room (refresh()).
    header->setSectionResizeMode(ShortcutModel::KeysColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ShortcutModel::PlaceColumn, QHeaderView::Interactive);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the filter field must not close the sheet.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_view, 1);
    auto *note = new QLabel(tr("Window shortcuts work wherever the focus is, except that a text field keeps the "
                               "keys it types."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(buttons);

    // Space, Esc, Ctrl+E… are application-wide shortcuts; here Esc closes the sheet instead.
    qApp->installEventFilter(this);
}

void ShortcutSheet::refresh()
{
    m_model->setEntries(ShortcutModel::actionEntries(m_window) + viewKeys());
    const QAbstractItemView *view = m_view; // sizeHintForColumn() is public there
    for (int column : {ShortcutModel::KeysColumn, ShortcutModel::PlaceColumn}) {
        m_view->horizontalHeader()->resizeSection(
            column, qMax(view->sizeHintForColumn(column), m_view->horizontalHeader()->sectionSizeHint(column))
                + 2 * fontMetrics().averageCharWidth());
    }
}

void ShortcutSheet::showSheet()
{
    refresh();
    if (!m_sized) {
        // Wide enough for every row, within the screen; after that the size the user gives it.
        m_sized = true;
        const QScreen *screen = m_window->screen() ? m_window->screen() : QGuiApplication::primaryScreen();
        const QRect available = screen->availableGeometry();
        const QHeaderView *header = m_view->horizontalHeader();
        const QAbstractItemView *view = m_view;
        const int width = 2 * m_view->frameWidth() + m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent)
            + view->sizeHintForColumn(ShortcutModel::ActionColumn) + header->sectionSize(ShortcutModel::KeysColumn)
            + header->sectionSize(ShortcutModel::PlaceColumn);
        const QMargins margins = layout()->contentsMargins();
        // Tall enough for every row (or 30), with the filter, the note and the buttons.
        const int table = header->sizeHint().height() + 2 * m_view->frameWidth()
            + m_view->verticalHeader()->defaultSectionSize() * qMin(m_proxy->rowCount() + 1, 30);
        const QSize wanted(width + margins.left() + margins.right() + 8,
                           table + sizeHint().height() - m_view->sizeHint().height());
        resize(wanted.boundedTo(available.size() * 9 / 10));
    }
    show();
    raise();
    activateWindow();
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

bool ShortcutSheet::eventFilter(QObject *watched, QEvent *event)
{
    if ((event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress) || !isVisible()
        || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Escape || key->modifiers() != Qt::NoModifier || widget->window() != this)
        return false;
    // Claimed, so that no shortcut takes it: the key press that follows closes the sheet.
    event->accept();
    if (event->type() == QEvent::KeyPress)
        reject();
    return true;
}
