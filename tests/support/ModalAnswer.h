// Answering the modal dialogs a window opens, from inside their exec(), as a person would.

#pragma once

#include <QString>

#include <functional>

class QAbstractButton;
class QWidget;

namespace ModalAnswer {

// The visible button of `dialog` whose text, without the mnemonic '&', is `text`.
QAbstractButton *buttonNamed(QWidget *dialog, const QString &text);

// Once the next modal dialog is shown, `answer` gets it. A dialog the answer left open is
// rejected, so that a failed check cannot leave the test waiting.
void answer(std::function<void(QWidget *)> answer);

// Clicks the button `text` of the next modal dialog and notes the dialog's object name.
void click(const QString &text, QString *asked);

// A dialog the next step should not open: rejected at once if it is, and noted in `asked`.
void refuse(QString *asked);

} // namespace ModalAnswer
