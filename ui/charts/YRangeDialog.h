#pragma once

#include <QDialog>

#include <utility>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

// Asks for fixed bounds of a chart's value axis; OK only while the maximum exceeds the minimum.
class YRangeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit YRangeDialog(QWidget *parent = nullptr);

    void setRange(double min, double max);
    std::pair<double, double> range() const;
    bool isValid() const;

public Q_SLOTS:
    void accept() override;

private:
    void validate();

    QDoubleSpinBox *m_min = nullptr;
    QDoubleSpinBox *m_max = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
