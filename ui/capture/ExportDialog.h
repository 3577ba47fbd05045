#pragma once

#include "ExportJob.h"

#include <QDialog>
#include <QStringList>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

// What to export: which streams, the whole capture or the charts' visible time range, the format
// and the file.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(QWidget *parent = nullptr);

    // One checkable row per stream (all checked); `url` identifies it.
    void addStream(const QString &name, const QString &url, qsizetype eventCount);
    QStringList selectedStreams() const; // URLs
    void setStreamSelected(const QString &url, bool selected);

    // The time range the charts show (ms since the epoch); without one only the whole capture
    // can be chosen.
    void setVisibleRange(qint64 fromMs, qint64 toMs);
    bool visibleRangeOnly() const;
    void setVisibleRangeOnly(bool only);
    qint64 rangeFromMs() const { return m_fromMs; }
    qint64 rangeToMs() const { return m_toMs; }

    ExportJob::Format format() const;
    void setFormat(ExportJob::Format format);

    // With the format's suffix added when it has none.
    QString filePath() const;
    void setFilePath(const QString &path);

    QListWidget *streamList() const { return m_streams; }

private:
    void browse();
    void formatChanged();
    void updateOk();

    QListWidget *m_streams;
    QRadioButton *m_wholeButton;
    QRadioButton *m_visibleButton;
    QComboBox *m_formatCombo;
    QLineEdit *m_pathEdit;
    QLabel *m_formatNote;
    QDialogButtonBox *m_buttons;
    qint64 m_fromMs = 0;
    qint64 m_toMs = -1;
};
