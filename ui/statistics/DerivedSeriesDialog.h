#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class DerivedSeriesDialogPrivate;
class QPushButton;

// Asks for a derived series of one stream: the rate of change of a field, its moving average,
// or the difference or ratio of two fields. The result is a spec as StreamFieldStore::addDerived()
// reads it ("rate(/count)", "avg(/count, 10s)", "diff(/a, /b)", "ratio(/a, /b)"), shown as it is
// built; OK stays disabled until it is complete. What OK does is given by setApply(): when that
// fails, its message is shown and the dialog stays open.
class DerivedSeriesDialog : public QDialog
{
    Q_OBJECT

public:
    enum Kind { Rate, MovingAverage, Difference, Ratio };
    Q_ENUM(Kind)
    enum DurationUnit { Seconds, Minutes };
    Q_ENUM(DurationUnit)

    // `fields`: the stream's fields that can be sources; `fieldA` is chosen first.
    explicit DerivedSeriesDialog(const QStringList &fields, const QString &fieldA = QString(),
                                 QWidget *parent = nullptr);
    ~DerivedSeriesDialog() override;

    void setKind(Kind kind);
    Kind kind() const;
    void setFieldA(const QString &key);
    QString fieldA() const;
    // The second field of a difference or ratio: the stream's fields other than A. Empty: none chosen.
    void setFieldB(const QString &key);
    QString fieldB() const;
    // The span of a moving average.
    void setDuration(int amount, DurationUnit unit);
    qint64 durationSeconds() const;

    bool isComplete() const;
    QString spec() const; // empty until complete
    static QString specFor(Kind kind, const QString &a, const QString &b = QString(), qint64 seconds = 0);

    using Apply = std::function<bool(const QString &spec, QString *error)>;
    void setApply(Apply apply);
    QString errorText() const;
    QPushButton *okButton() const;

    void accept() override;

Q_SIGNALS:
    void specChanged(const QString &spec);

private:
    std::unique_ptr<DerivedSeriesDialogPrivate> d;
};
