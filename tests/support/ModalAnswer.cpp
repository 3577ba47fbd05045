#include "ModalAnswer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QPointer>
#include <QTest>
#include <QTimer>

namespace ModalAnswer {

namespace {
constexpr int Timeout = 20000;
}

QAbstractButton *buttonNamed(QWidget *dialog, const QString &text)
{
    for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisible() && button->text().remove(u'&') == text)
            return button;
    }
    return nullptr;
}

void answer(std::function<void(QWidget *)> answer)
{
    QTimer::singleShot(0, qApp, [answer = std::move(answer)] {
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), Timeout);
        QPointer<QWidget> modal = QApplication::activeModalWidget();
        answer(modal);
        if (auto *dialog = qobject_cast<QDialog *>(modal.data()); dialog && dialog->isVisible())
            dialog->reject();
    });
}

void click(const QString &text, QString *asked)
{
    answer([text, asked](QWidget *modal) {
        *asked = modal->objectName();
        QAbstractButton *button = buttonNamed(modal, text);
        QVERIFY2(button, qPrintable(text));
        QTest::mouseClick(button, Qt::LeftButton);
    });
}

void refuse(QString *asked)
{
    QTimer::singleShot(0, qApp, [asked] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            *asked = dialog->objectName().isEmpty() ? QString::fromLatin1(dialog->metaObject()->className())
                                                    : dialog->objectName();
            dialog->reject();
        }
    });
}

} // namespace ModalAnswer
