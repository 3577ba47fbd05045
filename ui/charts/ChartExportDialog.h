#pragma once

#include <QDialog>
#include <QSize>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Asks where and how big a picture of the charts is written: a file (typed, browsed, or given
// by the caller) and a size, from presets (1280 × 720, 1920 × 1080, the size shown on screen) or
// any width and height. The file name decides the format: SVG for ".svg", PNG otherwise. OK only
// with a file name, in a format this build writes. ChartArea::saveImage() writes it.
class ChartExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum Format { Png, Svg };
    Q_ENUM(Format)

    static constexpr int MinimumSide = 64;
    static constexpr int MaximumSide = 8192;

    explicit ChartExportDialog(QWidget *parent = nullptr);
    // With the size the charts have on screen offered (and chosen) as "Current size".
    explicit ChartExportDialog(const QSize &currentSize, QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    QString filePath() const;
    Format format() const;
    static Format formatFor(const QString &path);

    // The size the charts have on screen, offered as a preset (and chosen until another is).
    void setCurrentSize(const QSize &size);
    void setImageSize(const QSize &size);
    QSize imageSize() const;

private:
    void browse();
    void presetChosen(int index);
    void sizeEdited();
    void validate();

    QLineEdit *m_pathEdit = nullptr;
    QLabel *m_format = nullptr;
    QComboBox *m_presets = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_path;
    QSize m_current;
};
