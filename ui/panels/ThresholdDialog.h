#pragma once

#include "PanelConfig.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

// Edits a stat tile's colour steps: per step a value and the level the tile takes at or above it.
// OK is offered only for numbers in ascending order, each with a level.
class ThresholdDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ThresholdDialog(QWidget *parent = nullptr);

    void setThresholds(const QList<PanelThreshold> &thresholds);
    // The steps as entered; nullopt while they are not valid.
    std::optional<QList<PanelThreshold>> thresholds() const;
    QString errorText() const;

    int stepCount() const;
    void addStep(); // an empty value without a level
    void removeStep(int index);
    QLineEdit *valueEdit(int index) const;
    QComboBox *levelBox(int index) const;
    QDialogButtonBox *buttons() const { return m_buttons; }

    // The steps for these texts and levels (-1: none chosen), or why they are not valid.
    struct Entry
    {
        QString value;
        int level = -1; // int(PanelThreshold::Level)
    };
    static std::optional<QList<PanelThreshold>> validate(const QList<Entry> &entries, QString *error = nullptr);

private:
    struct Step
    {
        QWidget *row;
        QLineEdit *value;
        QComboBox *level;
    };
    void addStep(const QString &value, int level);
    QList<Entry> entries() const;
    void revalidate();

    QVBoxLayout *m_steps;
    QList<Step> m_rows;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
