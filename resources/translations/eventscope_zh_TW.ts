<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About EventScope</source>
        <translation>關於 EventScope</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（不明）</translation>
    </message>
    <message>
        <source>&lt;h2&gt;EventScope&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;A desktop dashboard for Server-Sent Events: live charts of what the streams carry, their connections at a glance, and exports of what was captured.&lt;/p&gt;&lt;p&gt;Running on Qt %2 (built with Qt %3).&lt;/p&gt;&lt;p&gt;Copyright © 2026 The EventScope developers. EventScope is free software under the MIT licence. Qt is used under the terms of the GNU LGPL version 3 (or the GPL).&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%4&quot;&gt;%4&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;EventScope&lt;/h2&gt;&lt;p&gt;版本 %1&lt;/p&gt;&lt;p&gt;Server-Sent Events 桌面儀表板：以即時圖表呈現串流傳送的內容，一覽各串流的連線狀態，並匯出擷取的資料。&lt;/p&gt;&lt;p&gt;執行於 Qt %2（以 Qt %3 建置）。&lt;/p&gt;&lt;p&gt;Copyright © 2026 The EventScope developers。EventScope 是採用 MIT 授權條款的自由軟體。Qt 依 GNU LGPL 第 3 版（或 GPL）條款使用。&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%4&quot;&gt;%4&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AlertHistoryModel</name>
    <message>
        <source>Firing</source>
        <translation>觸發中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>Ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>The rule started firing on this stream</source>
        <translation>此規則開始在此串流上觸發</translation>
    </message>
    <message>
        <source>The rule stopped firing after %1</source>
        <translation>規則在 %1 後停止觸發</translation>
    </message>
    <message>
        <source>How long the rule was firing</source>
        <translation>規則觸發的持續時間</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>串流</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持續時間</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細資訊</translation>
    </message>
</context>
<context>
    <name>AlertMonitor</name>
    <message>
        <source>%1 reconnect(s) in %2</source>
        <translation>%2 內重新連線 %1 次</translation>
    </message>
    <message>
        <source>stream closed</source>
        <translation>串流已關閉</translation>
    </message>
    <message>
        <source>stream ended by its server</source>
        <translation>串流已由伺服器結束</translation>
    </message>
    <message>
        <source>open again</source>
        <translation>再次開啟</translation>
    </message>
    <message>
        <source>ids went backwards</source>
        <translation>識別碼倒退</translation>
    </message>
    <message>
        <source>ids went %1</source>
        <translation>識別碼倒退（%1）</translation>
    </message>
    <message>
        <source>an event arrived</source>
        <translation>收到事件</translation>
    </message>
    <message>
        <source>no event for %1</source>
        <translation>%1 內沒有事件</translation>
    </message>
    <message>
        <source>not open for %1</source>
        <translation>%1 內未開啟</translation>
    </message>
    <message>
        <source>no id reset for %1</source>
        <translation>%1 內沒有識別碼重設</translation>
    </message>
</context>
<context>
    <name>AlertNotifier</name>
    <message>
        <source>Alert firing: %1</source>
        <translation>警示觸發中：%1</translation>
    </message>
    <message>
        <source>%1 (value %2)</source>
        <translation>%1（數值 %2）</translation>
    </message>
    <message>
        <source> · 1 more alert</source>
        <translation> · 另有 1 則警示</translation>
    </message>
    <message>
        <source> · %1 more alerts</source>
        <translation> · 另有 %1 則警示</translation>
    </message>
</context>
<context>
    <name>AlertRule</name>
    <message>
        <source>(use ms, s, m or h)</source>
        <translation>（請用 ms、s、m 或 h）</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是數字</translation>
    </message>
    <message>
        <source>%1 is too large for a number</source>
        <translation>%1 太大，無法作為數字</translation>
    </message>
    <message>
        <source>%1 is not a duration %2</source>
        <translation>%1 不是時間長度%2</translation>
    </message>
    <message>
        <source>a unit is missing after %1 %2</source>
        <translation>%1 之後缺少單位%2</translation>
    </message>
    <message>
        <source>unknown unit &apos;%1&apos; %2</source>
        <translation>未知的單位 &apos;%1&apos;%2</translation>
    </message>
    <message>
        <source>the duration must be at least 1ms, not %1</source>
        <translation>時間長度至少須為 1ms，而不是 %1</translation>
    </message>
    <message>
        <source>the duration %1 is too long</source>
        <translation>時間長度 %1 太長</translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos; (use rate, avg, diff or ratio)</source>
        <translation>未知的函式 &apos;%1&apos;（請用 rate、avg、diff 或 ratio）</translation>
    </message>
    <message>
        <source>a field is missing in %1</source>
        <translation>%1 中缺少欄位</translation>
    </message>
    <message>
        <source>%1 is not a field key (keys begin with &apos;/&apos;, as in /count)</source>
        <translation>%1 不是欄位鍵（鍵以 &apos;/&apos; 開頭，例如 /count）</translation>
    </message>
    <message>
        <source>a &apos;)&apos; is missing</source>
        <translation>缺少 &apos;)&apos;</translation>
    </message>
    <message>
        <source>a field is missing before &apos;%1&apos;</source>
        <translation>&apos;%1&apos; 之前缺少欄位</translation>
    </message>
    <message>
        <source>expected &gt;, &gt;=, &lt;, &lt;= or outside</source>
        <translation>應為 &gt;、&gt;=、&lt;、&lt;= 或 outside</translation>
    </message>
    <message>
        <source>LOW..HIGH is missing after &apos;outside&apos;</source>
        <translation>&apos;outside&apos; 之後缺少 LOW..HIGH</translation>
    </message>
    <message>
        <source>expected LOW..HIGH after &apos;outside&apos;</source>
        <translation>&apos;outside&apos; 之後應為 LOW..HIGH</translation>
    </message>
    <message>
        <source>LOW must be below HIGH in &apos;%1..%2&apos;</source>
        <translation>&apos;%1..%2&apos; 中 LOW 必須小於 HIGH</translation>
    </message>
    <message>
        <source>a number is missing after &apos;%1&apos;</source>
        <translation>&apos;%1&apos; 之後缺少數字</translation>
    </message>
    <message>
        <source>unexpected %1 (only &apos;for DURATION&apos; may follow)</source>
        <translation>非預期的 %1（之後只能接 &apos;for DURATION&apos;）</translation>
    </message>
    <message>
        <source>a duration is missing after &apos;for&apos;</source>
        <translation>&apos;for&apos; 之後缺少時間長度</translation>
    </message>
    <message>
        <source>expected &apos;&gt;&apos; after &apos;reconnects&apos;, as in &apos;reconnects &gt; 3 in 1m&apos;</source>
        <translation>&apos;reconnects&apos; 之後應為 &apos;&gt;&apos;，例如 &apos;reconnects &gt; 3 in 1m&apos;</translation>
    </message>
    <message>
        <source>a count is missing after &apos;&gt;&apos;</source>
        <translation>&apos;&gt;&apos; 之後缺少次數</translation>
    </message>
    <message>
        <source>%1 is not a whole number of reconnects</source>
        <translation>%1 不是重新連線次數的整數</translation>
    </message>
    <message>
        <source>expected &apos;in DURATION&apos; after the count</source>
        <translation>次數之後應為 &apos;in DURATION&apos;</translation>
    </message>
    <message>
        <source>a duration is missing after &apos;in&apos;</source>
        <translation>&apos;in&apos; 之後缺少時間長度</translation>
    </message>
    <message>
        <source>the rule is empty</source>
        <translation>規則是空的</translation>
    </message>
    <message>
        <source>a duration is missing</source>
        <translation>缺少時間長度</translation>
    </message>
</context>
<context>
    <name>AlertRuleDialog</name>
    <message>
        <source>&amp;Enabled</source>
        <translation>啟用(&amp;E)</translation>
    </message>
    <message>
        <source>Alert Rule</source>
        <translation>警示規則</translation>
    </message>
    <message>
        <source>e.g. /count &gt; 3 for 10s</source>
        <translation>例如 /count &gt; 3 for 10s</translation>
    </message>
    <message>
        <source>A field and a condition, optionally held for a while; or a condition of the connection. Durations: 500ms, 10s, 1.5m, 2h.&lt;br&gt;Examples: %1</source>
        <translation>一個欄位與一個條件，可選擇持續一段時間；或一個連線條件。持續時間：500ms、10s、1.5m、2h。&lt;br&gt;範例：%1</translation>
    </message>
    <message>
        <source>The stream the rule watches; every stream has its own state</source>
        <translation>規則監看的串流；每個串流各有其狀態</translation>
    </message>
    <message>
        <source>A disabled rule is kept but watches nothing</source>
        <translation>停用的規則會保留，但不監看任何項目</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>規則(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Stream:</source>
        <translation>串流(&amp;S)：</translation>
    </message>
    <message>
        <source>Edit Alert Rule</source>
        <translation>編輯警示規則</translation>
    </message>
    <message>
        <source>(removed stream)</source>
        <translation>（已移除的串流）</translation>
    </message>
</context>
<context>
    <name>AlertRulesModel</name>
    <message>
        <source>Every stream</source>
        <translation>所有串流</translation>
    </message>
    <message>
        <source>(removed stream)</source>
        <translation>（已移除的串流）</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>No stream to watch</source>
        <translation>沒有可監看的串流</translation>
    </message>
    <message>
        <source>Ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Firing since %1</source>
        <translation>自 %1 起觸發中</translation>
    </message>
    <message>
        <source>Firing on 1 stream since %1</source>
        <translation>自 %1 起在 1 個串流上觸發中</translation>
    </message>
    <message>
        <source>Firing on %1 streams since %2</source>
        <translation>自 %2 起在 %1 個串流上觸發中</translation>
    </message>
    <message>
        <source>%1
Uncheck to disable the rule without removing it</source>
        <translation>%1
取消勾選即可停用規則而不移除</translation>
    </message>
    <message>
        <source>The last value the rule read</source>
        <translation>規則最後讀取的數值</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>串流</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>最後數值</translation>
    </message>
</context>
<context>
    <name>AlertsPane</name>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an alert rule (Insert)</source>
        <translation>新增警示規則（Insert）</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected rule (double-click)</source>
        <translation>編輯選取的規則（按兩下）</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected rule (Delete)</source>
        <translation>移除選取的規則（Delete）</translation>
    </message>
    <message>
        <source>&amp;Clear History</source>
        <translation>清除歷程記錄(&amp;C)</translation>
    </message>
    <message>
        <source>Forget every transition listed; the rules stay</source>
        <translation>清除列出的所有狀態轉換；規則會保留</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>音效(&amp;S)</translation>
    </message>
    <message>
        <source>Show a desktop notification when a rule fires</source>
        <translation>規則觸發時顯示桌面通知</translation>
    </message>
    <message>
        <source>Beep when a rule fires</source>
        <translation>規則觸發時發出嗶聲</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷程記錄</translation>
    </message>
    <message>
        <source>Remove Alert Rule</source>
        <translation>移除警示規則</translation>
    </message>
    <message>
        <source>Remove the rule %1?</source>
        <translation>要移除規則 %1 嗎？</translation>
    </message>
    <message>
        <source>Forget the transition listed? The rules stay.</source>
        <translation>要清除列出的狀態轉換嗎？規則會保留。</translation>
    </message>
    <message>
        <source>Forget the %1 transitions listed? The rules stay.</source>
        <translation>要清除列出的 %1 筆狀態轉換嗎？規則會保留。</translation>
    </message>
    <message>
        <source>Clear Alert History</source>
        <translation>清除警示歷程記錄</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <source>&amp;Export Events…</source>
        <translation>匯出事件(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the captured events of chosen streams, all or the charts&apos; visible range, as JSON Lines, CSV or text/event-stream</source>
        <translation>將所選串流擷取的事件（全部或圖表的可見範圍）寫成 JSON Lines、CSV 或 text/event-stream</translation>
    </message>
    <message>
        <source>Open &amp;Capture…</source>
        <translation>開啟擷取資料(&amp;C)…</translation>
    </message>
    <message>
        <source>Show a capture file (JSON Lines, CSV or text/event-stream) as offline streams</source>
        <translation>將擷取資料檔（JSON Lines、CSV 或 text/event-stream）顯示為離線串流</translation>
    </message>
    <message>
        <source>&amp;Journal Captured Events to Disk</source>
        <translation>將擷取的事件寫入磁碟日誌(&amp;J)</translation>
    </message>
    <message>
        <source>Write every captured event to a file in the application&apos;s data folder as it arrives, so that a crash loses next to nothing</source>
        <translation>每個擷取的事件一到達即寫入應用程式資料資料夾中的檔案，即使程式當機也幾乎不會遺失資料</translation>
    </message>
    <message>
        <source>Journaling captured events to %1</source>
        <translation>正在將擷取的事件寫入日誌 %1</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>日誌</translation>
    </message>
    <message>
        <source>The journal stopped: %1</source>
        <translation>日誌已停止：%1</translation>
    </message>
    <message>
        <source>Exporting %1 events to %2…</source>
        <translation>正在將 %1 個事件匯出至 %2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export Events</source>
        <translation>匯出事件</translation>
    </message>
    <message>
        <source>Exported 1 event to %1</source>
        <translation>已將 1 個事件匯出至 %1</translation>
    </message>
    <message>
        <source>Exported %1 events to %2</source>
        <translation>已將 %1 個事件匯出至 %2</translation>
    </message>
    <message>
        <source>Export to %1 cancelled; no file was written</source>
        <translation>已取消匯出至 %1；未寫入任何檔案</translation>
    </message>
    <message>
        <source>%1

The captured events are unchanged.</source>
        <translation>%1

擷取的事件保持不變。</translation>
    </message>
    <message>
        <source>An export is still running</source>
        <translation>仍有匯出作業正在執行</translation>
    </message>
    <message>
        <source>Opened %1 events of %2 stream(s) from %3</source>
        <translation>已從 %3 開啟 %2 個串流的 %1 個事件</translation>
    </message>
    <message>
        <source>%1; the rest could not be read: %2</source>
        <translation>%1；其餘部分無法讀取：%2</translation>
    </message>
    <message>
        <source>Open Capture</source>
        <translation>開啟擷取資料</translation>
    </message>
    <message>
        <source>Captures (*.jsonl *.csv *.sse *.txt *.journal);;All files (*)</source>
        <translation>擷取資料 (*.jsonl *.csv *.sse *.txt *.journal);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The journal %1 held no complete event.</source>
        <translation>日誌 %1 不含任何完整的事件。</translation>
    </message>
    <message>
        <source>Recover Captured Events</source>
        <translation>復原擷取的事件</translation>
    </message>
    <message numerus="yes">
        <source>EventScope did not close properly last time. %n journal(s) of captured events were left behind:</source>
        <translation>
            <numerusform>EventScope 上次未正常關閉，留下了 %n 個擷取事件的日誌：</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍後</translation>
    </message>
    <message>
        <source>Discard Captured Events</source>
        <translation>捨棄擷取的事件</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n journal(s) of captured events for good?</source>
        <translation>
            <numerusform>要永久刪除 %n 個擷取事件的日誌嗎？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateTrustDialog</name>
    <message>
        <source>Trust Certificate</source>
        <translation>信任憑證</translation>
    </message>
    <message>
        <source>The server of &lt;b&gt;%1&lt;/b&gt; offered a certificate that could not be verified:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的伺服器提供了無法驗證的憑證：</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>核發對象：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>核發者：</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期間：</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Compare it with the fingerprint the server&apos;s administrator gives you, e.g. from `openssl x509 -noout -fingerprint -sha256 -in cert.pem`</source>
        <translation>請與伺服器管理員提供的指紋比對，例如取自 `openssl x509 -noout -fingerprint -sha256 -in cert.pem`</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Trusting it lets this subscription connect while the server presents exactly this certificate. Verification stays on for every other certificate and every other stream; Edit Stream lists and forgets trusted certificates.</source>
        <translation>信任此憑證後，只要伺服器出示的正是此憑證，此訂閱即可連線。其他所有憑證與其他所有串流仍會進行驗證；「編輯串流」可列出並清除已信任的憑證。</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>信任此憑證(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ChartArea</name>
    <message>
        <source>Cannot save the chart to %1: %2</source>
        <translation>無法將圖表儲存至 %1：%2</translation>
    </message>
    <message>
        <source>there is no chart to save</source>
        <translation>沒有可儲存的圖表</translation>
    </message>
    <message>
        <source>the size is empty</source>
        <translation>尺寸為空</translation>
    </message>
    <message>
        <source>EventScope charts</source>
        <translation>EventScope 圖表</translation>
    </message>
    <message>
        <source>this build cannot write SVG</source>
        <translation>此版本無法寫入 SVG</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>無法編碼影像</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No streams yet&lt;/h3&gt;&lt;p&gt;Subscribe to a stream to watch its numbers here.&lt;br&gt;The first numeric field of each stream is plotted right away;&lt;br&gt;pick more in the Fields panel, or drag them onto a panel.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;尚無串流&lt;/h3&gt;&lt;p&gt;訂閱串流即可在此監看其數值。&lt;br&gt;每個串流的第一個數值欄位會立即繪出；&lt;br&gt;可在「欄位」面板中挑選更多欄位，或將欄位拖曳到面板上。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(removed stream)</source>
        <translation>（已移除的串流）</translation>
    </message>
</context>
<context>
    <name>ChartAreaToolBar</name>
    <message>
        <source>Chart per stream</source>
        <translation>每個串流一張圖表</translation>
    </message>
    <message>
        <source>Single chart</source>
        <translation>單一圖表</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>One chart for each stream, one above the other</source>
        <translation>每個串流各一張圖表，由上而下排列</translation>
    </message>
    <message>
        <source>Every stream&apos;s plotted fields in one chart</source>
        <translation>所有串流的繪製欄位都在同一張圖表中</translation>
    </message>
    <message>
        <source>Panels you arrange: time series, stat tiles, connection timeline, event rate</source>
        <translation>自行排列的面板：時間序列、統計圖塊、連線時間軸、事件速率</translation>
    </message>
    <message>
        <source>How the streams are laid out</source>
        <translation>串流的版面配置方式</translation>
    </message>
    <message>
        <source>Add Panel</source>
        <translation>新增面板</translation>
    </message>
    <message>
        <source>Add a panel to the dashboard (drag fields from the Fields panel onto it)</source>
        <translation>在儀表板中新增面板（從「欄位」面板將欄位拖曳到面板上）</translation>
    </message>
    <message>
        <source>Time Series</source>
        <translation>時間序列</translation>
    </message>
    <message>
        <source>A chart of fields over time; drop more fields on it</source>
        <translation>欄位隨時間變化的圖表；可將更多欄位拖放到其上</translation>
    </message>
    <message>
        <source>Stat Tile</source>
        <translation>統計圖塊</translation>
    </message>
    <message>
        <source>A field&apos;s latest value in large, with a sparkline and threshold colours</source>
        <translation>以大字顯示欄位的最新數值，附走勢圖與門檻色彩</translation>
    </message>
    <message>
        <source>Connection Timeline</source>
        <translation>連線時間軸</translation>
    </message>
    <message>
        <source>Each stream&apos;s connection state over time, with reconnects and id resets</source>
        <translation>各串流的連線狀態隨時間的變化，含重新連線與識別碼重設</translation>
    </message>
    <message>
        <source>Event Rate</source>
        <translation>事件速率</translation>
    </message>
    <message>
        <source>Events and bytes per second of each stream</source>
        <translation>各串流每秒的事件數與位元組數</translation>
    </message>
    <message>
        <source>Time window of every chart while it follows the newest data</source>
        <translation>跟隨最新資料時所有圖表的時間範圍</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部重設</translation>
    </message>
    <message>
        <source>Every chart back to its window, following the newest data</source>
        <translation>所有圖表回到其時間範圍，並跟隨最新資料</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>時間範圍：</translation>
    </message>
    <message>
        <source>Resume all</source>
        <translation>全部繼續</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>全部暫停</translation>
    </message>
    <message>
        <source>Every chart follows the newest data again</source>
        <translation>所有圖表重新跟隨最新資料</translation>
    </message>
    <message>
        <source>Freeze every chart; data keeps arriving</source>
        <translation>凍結所有圖表；資料仍會持續傳入</translation>
    </message>
</context>
<context>
    <name>ChartBinding</name>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
</context>
<context>
    <name>ChartExportDialog</name>
    <message>
        <source>Export Chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <source>charts.png or charts.svg</source>
        <translation>charts.png 或 charts.svg</translation>
    </message>
    <message>
        <source>The file to write; a name ending in .svg gives an SVG drawing, any other a PNG image</source>
        <translation>要寫入的檔案；名稱以 .svg 結尾會產生 SVG 向量圖，其他則產生 PNG 影像</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>1280 × 720 (HD)</source>
        <translation>1280 × 720（HD）</translation>
    </message>
    <message>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080（Full HD）</translation>
    </message>
    <message>
        <source>Current size</source>
        <translation>目前尺寸</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <source>A common picture size, or the size the charts have on screen</source>
        <translation>常用的圖片尺寸，或圖表在螢幕上的尺寸</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width of the picture in pixels</source>
        <translation>圖片寬度（像素）</translation>
    </message>
    <message>
        <source>Height of the picture in pixels; the charts share it</source>
        <translation>圖片高度（像素）；由所有圖表共用</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 向量圖</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 影像</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 影像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <source>Current size (%1)</source>
        <translation>目前尺寸（%1）</translation>
    </message>
    <message>
        <source>This build cannot write SVG; choose a file name ending in .png.</source>
        <translation>此版本無法寫入 SVG；請選擇以 .png 結尾的檔名。</translation>
    </message>
    <message>
        <source>SVG keeps lines and text sharp at any zoom; the size sets the layout.</source>
        <translation>SVG 在任何縮放比例下都能保持線條與文字清晰；尺寸決定版面配置。</translation>
    </message>
    <message>
        <source>Every chart is laid out afresh for this size, one above the other.</source>
        <translation>所有圖表會依此尺寸重新排版，由上而下排列。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>No numeric fields yet</source>
        <translation>尚無數值欄位</translation>
    </message>
    <message>
        <source>Paused — Space resumes</source>
        <translation>已暫停 — 按 Space 繼續</translation>
    </message>
    <message>
        <source>Zoomed — Esc follows again</source>
        <translation>已縮放 — 按 Esc 重新跟隨</translation>
    </message>
    <message>
        <source>Values zoomed — Esc resets</source>
        <translation>數值已縮放 — 按 Esc 重設</translation>
    </message>
    <message>
        <source>1 value ≤ 0 not shown on the log scale</source>
        <translation>有 1 個 ≤ 0 的數值未顯示於對數刻度</translation>
    </message>
    <message>
        <source>%1 values ≤ 0 not shown on the log scale</source>
        <translation>有 %1 個 ≤ 0 的數值未顯示於對數刻度</translation>
    </message>
    <message>
        <source>10 s</source>
        <translation>10 秒</translation>
    </message>
    <message>
        <source>The last 10 seconds</source>
        <translation>最近 10 秒</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分鐘</translation>
    </message>
    <message>
        <source>The last minute</source>
        <translation>最近 1 分鐘</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 分鐘</translation>
    </message>
    <message>
        <source>The last 10 minutes</source>
        <translation>最近 10 分鐘</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小時</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近 1 小時</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Everything still held in memory</source>
        <translation>記憶體中仍保留的所有資料</translation>
    </message>
</context>
<context>
    <name>ChartPanelToolBar</name>
    <message>
        <source>Time and value of the point nearest the cursor</source>
        <translation>最接近游標之資料點的時間與數值</translation>
    </message>
    <message>
        <source>Time window shown while following the newest data (Ctrl+wheel zooms it)</source>
        <translation>跟隨最新資料時顯示的時間範圍（Ctrl+滾輪可縮放）</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重設縮放</translation>
    </message>
    <message>
        <source>Back to the chosen window, following the newest data (Esc or double-click)</source>
        <translation>回到所選的時間範圍，並跟隨最新資料（Esc 或按兩下）</translation>
    </message>
    <message>
        <source>&amp;Auto scale</source>
        <translation>自動調整刻度(&amp;A)</translation>
    </message>
    <message>
        <source>Fit the value axis to the visible data</source>
        <translation>讓數值軸符合可見的資料</translation>
    </message>
    <message>
        <source>&amp;Fixed bounds…</source>
        <translation>固定範圍(&amp;F)…</translation>
    </message>
    <message>
        <source>Enter the lowest and highest value to show</source>
        <translation>輸入要顯示的最低與最高數值</translation>
    </message>
    <message>
        <source>Use &amp;current range</source>
        <translation>使用目前範圍(&amp;C)</translation>
    </message>
    <message>
        <source>Keep the value axis at what it shows now</source>
        <translation>將數值軸固定在目前顯示的範圍</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Freeze the view; data keeps arriving (Space)</source>
        <translation>凍結檢視；資料仍會持續傳入（Space）</translation>
    </message>
    <message>
        <source>Follow the newest data again (Space)</source>
        <translation>重新跟隨最新資料（Space）</translation>
    </message>
    <message>
        <source>Y: Auto</source>
        <translation>Y：自動</translation>
    </message>
    <message>
        <source>Value axis fitted to the visible data</source>
        <translation>數值軸符合可見的資料</translation>
    </message>
    <message>
        <source>Y: %1 – %2</source>
        <translation>Y：%1 – %2</translation>
    </message>
    <message>
        <source>Value axis fixed from %1 to %2</source>
        <translation>數值軸固定為 %1 至 %2</translation>
    </message>
</context>
<context>
    <name>CommandLineSpec</name>
    <message>
        <source>Exit status:</source>
        <translation>結束狀態：</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>範例：</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionTimelineModel</name>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已連線</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>重新連線中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Ended by server</source>
        <translation>已由伺服器結束</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Reconnect attempt %1 in %2 s</source>
        <translation>%2 秒後進行第 %1 次重新連線嘗試</translation>
    </message>
    <message>
        <source>Event ID reset</source>
        <translation>事件識別碼重設</translation>
    </message>
    <message>
        <source>Event ID reset: %1</source>
        <translation>事件識別碼重設：%1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1（自 %2 起）</translation>
    </message>
    <message>
        <source> (attempt %1)</source>
        <translation>（第 %1 次嘗試）</translation>
    </message>
</context>
<context>
    <name>ConnectionTimelinePanel</name>
    <message>
        <source>Connections</source>
        <translation>連線</translation>
    </message>
</context>
<context>
    <name>ConnectionTimelineView</name>
    <message>
        <source>No streams</source>
        <translation>沒有串流</translation>
    </message>
</context>
<context>
    <name>DashboardLayout</name>
    <message>
        <source>should be a list; it was skipped</source>
        <translation>應為清單；已略過</translation>
    </message>
    <message>
        <source>should be a number</source>
        <translation>應為數字</translation>
    </message>
    <message>
        <source>should be true or false</source>
        <translation>應為 true 或 false</translation>
    </message>
    <message>
        <source>should be a string</source>
        <translation>應為字串</translation>
    </message>
    <message>
        <source>should be a stream number, 0 or more; it was skipped</source>
        <translation>應為 0 或以上的串流編號；已略過</translation>
    </message>
    <message>
        <source>should be an object; it was skipped</source>
        <translation>應為物件；已略過</translation>
    </message>
    <message>
        <source>is a panel of an unknown kind (%1); it was skipped</source>
        <translation>是未知種類的面板（%1）；已略過</translation>
    </message>
    <message>
        <source>not a name</source>
        <translation>不是名稱</translation>
    </message>
    <message>
        <source>should be an object with a field key; it was skipped</source>
        <translation>應為含有欄位鍵的物件；已略過</translation>
    </message>
    <message>
        <source>should be 0 or 1</source>
        <translation>應為 0 或 1</translation>
    </message>
    <message>
        <source>should be a string; it was skipped</source>
        <translation>應為字串；已略過</translation>
    </message>
    <message>
        <source>should be a value and a level (&quot;ok&quot;, &quot;warning&quot; or &quot;critical&quot;); it was skipped</source>
        <translation>應為一個值與一個等級（&quot;ok&quot;、&quot;warning&quot; 或 &quot;critical&quot;）；已略過</translation>
    </message>
    <message>
        <source>holds more than %1 panels; the others start a row below</source>
        <translation>含有超過 %1 個面板；其餘的從下一列開始</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Rename Panel</source>
        <translation>重新命名面板</translation>
    </message>
    <message>
        <source>Title (empty: named after what it shows):</source>
        <translation>標題（留空則依顯示內容命名）：</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <source>Cannot start the demo server: %1</source>
        <translation>無法啟動示範伺服器：%1</translation>
    </message>
    <message>
        <source>Cannot serve the demo stream on port %1 again: %2</source>
        <translation>無法再次在連接埠 %1 上提供示範串流：%2</translation>
    </message>
</context>
<context>
    <name>DerivedSeriesDialog</name>
    <message>
        <source>(incomplete)</source>
        <translation>（未完成）</translation>
    </message>
    <message>
        <source>Add Derived Series</source>
        <translation>新增衍生序列</translation>
    </message>
    <message>
        <source>Rate of change per second</source>
        <translation>每秒變化率</translation>
    </message>
    <message>
        <source>For counters: how fast the value grows, a reset to a lower value handled</source>
        <translation>適用於計數器：數值成長的速度，並會處理重設為較低數值的情況</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>移動平均</translation>
    </message>
    <message>
        <source>The mean of the samples over a span of time ending at each sample</source>
        <translation>以每個樣本為終點的一段時間內，所有樣本的平均值</translation>
    </message>
    <message>
        <source>Difference A − B</source>
        <translation>差值 A − B</translation>
    </message>
    <message>
        <source>One field minus another of the same stream</source>
        <translation>同一串流的一個欄位減去另一個欄位</translation>
    </message>
    <message>
        <source>Ratio A ÷ B</source>
        <translation>比值 A ÷ B</translation>
    </message>
    <message>
        <source>One field divided by another of the same stream</source>
        <translation>同一串流的一個欄位除以另一個欄位</translation>
    </message>
    <message>
        <source>Choose a field</source>
        <translation>選擇欄位</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>The name of the new series</source>
        <translation>新序列的名稱</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K)：</translation>
    </message>
    <message>
        <source>Field &amp;A:</source>
        <translation>欄位 A(&amp;A)：</translation>
    </message>
    <message>
        <source>Field &amp;B:</source>
        <translation>欄位 B(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Over:</source>
        <translation>時間跨度(&amp;O)：</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>序列：</translation>
    </message>
    <message>
        <source>The series could not be added.</source>
        <translation>無法新增序列。</translation>
    </message>
    <message>
        <source>The series could not be added: %1</source>
        <translation>無法新增序列：%1</translation>
    </message>
</context>
<context>
    <name>DerivedSpec</name>
    <message>
        <source>&apos;%1&apos; is not a derived series: write rate(KEY), avg(KEY, DURATION), diff(A, B) or ratio(A, B)</source>
        <translation>「%1」不是衍生序列：請寫成 rate(KEY)、avg(KEY, DURATION)、diff(A, B) 或 ratio(A, B)</translation>
    </message>
    <message>
        <source>unbalanced parentheses in &apos;%1&apos;</source>
        <translation>「%1」中的括號不成對</translation>
    </message>
    <message>
        <source>rate() needs one field</source>
        <translation>rate() 需要一個欄位</translation>
    </message>
    <message>
        <source>avg() needs a field and a duration</source>
        <translation>avg() 需要一個欄位與一段持續時間</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration (a number and ms, s, m or h)</source>
        <translation>「%1」不是持續時間（應為數字加上 ms、s、m 或 h）</translation>
    </message>
    <message>
        <source>the duration &apos;%1&apos; needs a unit (ms, s, m or h)</source>
        <translation>持續時間「%1」需要單位（ms、s、m 或 h）</translation>
    </message>
    <message>
        <source>unknown unit &apos;%1&apos; (ms, s, m or h)</source>
        <translation>不明的單位「%1」（ms、s、m 或 h）</translation>
    </message>
    <message>
        <source>the duration &apos;%1&apos; is out of range (1ms to 100 years)</source>
        <translation>持續時間「%1」超出範圍（1ms 至 100 年）</translation>
    </message>
    <message>
        <source>%1() needs two fields</source>
        <translation>%1() 需要兩個欄位</translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos; (rate, avg, diff or ratio)</source>
        <translation>不明的函式「%1」（rate、avg、diff 或 ratio）</translation>
    </message>
</context>
<context>
    <name>EventDetailView</name>
    <message>
        <source>Select an event to see it whole</source>
        <translation>選取事件以檢視完整內容</translation>
    </message>
    <message>
        <source>Time:   %1</source>
        <translation>時間：  %1</translation>
    </message>
    <message>
        <source>Stream: %1</source>
        <translation>串流：  %1</translation>
    </message>
    <message>
        <source>Type:   %1</source>
        <translation>類型：  %1</translation>
    </message>
    <message>
        <source>ID:     %1</source>
        <translation>識別碼：%1</translation>
    </message>
    <message>
        <source>Reason:      %1</source>
        <translation>原因：    %1</translation>
    </message>
    <message>
        <source>Connection:  %1</source>
        <translation>連線：    %1</translation>
    </message>
    <message>
        <source>Attempt:     %1</source>
        <translation>嘗試次數：%1</translation>
    </message>
    <message>
        <source>Next try:    %1 (after %2 s)</source>
        <translation>下次嘗試：%1（%2 秒後）</translation>
    </message>
</context>
<context>
    <name>EventLogExporter</name>
    <message>
        <source>Cannot export the events to %1: %2</source>
        <translation>無法將事件匯出至 %1：%2</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Stream %1</source>
        <translation>串流 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>串流</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>識別碼</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>Opened (connection %1)</source>
        <translation>已連線（連線 %1）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已連線</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>連線中斷</translation>
    </message>
    <message>
        <source>Connection lost — %1</source>
        <translation>連線中斷 — %1</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒後重新連線</translation>
    </message>
    <message>
        <source>Reconnecting now</source>
        <translation>正在重新連線</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次嘗試</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>Ended by server</source>
        <translation>已由伺服器結束</translation>
    </message>
    <message>
        <source>Ended by server (%1)</source>
        <translation>已由伺服器結束（%1）</translation>
    </message>
    <message>
        <source>Closed by the user</source>
        <translation>已由使用者關閉</translation>
    </message>
    <message>
        <source>ID reset: %1 → %2 (the server restarted?)</source>
        <translation>識別碼重設：%1 → %2（伺服器已重新啟動？）</translation>
    </message>
    <message>
        <source>ID reset (the server restarted?)</source>
        <translation>識別碼重設（伺服器已重新啟動？）</translation>
    </message>
    <message>
        <source>ID reset: %1</source>
        <translation>識別碼重設：%1</translation>
    </message>
    <message>
        <source>Notice: %1</source>
        <translation>提醒：%1</translation>
    </message>
    <message>
        <source>⟲ connection</source>
        <translation>⟲ 連線</translation>
    </message>
    <message>
        <source>: comment</source>
        <translation>: 註解</translation>
    </message>
    <message>
        <source>alert firing</source>
        <translation>警示觸發中</translation>
    </message>
    <message>
        <source>alert resolved</source>
        <translation>警示已解除</translation>
    </message>
    <message>
        <source>%1 (value %2)</source>
        <translation>%1（數值 %2）</translation>
    </message>
</context>
<context>
    <name>EventLogPane</name>
    <message>
        <source>Follow &amp;Tail</source>
        <translation>跟隨最新記錄(&amp;T)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>Show the rows of one stream only</source>
        <translation>僅顯示單一串流的資料列</translation>
    </message>
    <message>
        <source>Only the changes of the streams&apos; connections</source>
        <translation>僅顯示串流連線的變化</translation>
    </message>
    <message>
        <source>Only the alert rules firing and resolving</source>
        <translation>僅顯示警示規則的觸發與解除</translation>
    </message>
    <message>
        <source>Only the comments of the streams (lines such as &quot;: heartbeat&quot;)</source>
        <translation>僅顯示串流的註解（例如 &quot;: heartbeat&quot; 這類的行）</translation>
    </message>
    <message>
        <source>Show events of this type only: pick a type seen so far or type one; or only the connection changes, the alerts, or the comments</source>
        <translation>僅顯示此類型的事件：挑選目前已出現的類型或自行輸入；或僅顯示連線變化、警示或註解</translation>
    </message>
    <message>
        <source>Search data, ID and type (Ctrl+F)</source>
        <translation>搜尋資料、識別碼與類型（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show rows whose data, ID, type or connection reason contains this text</source>
        <translation>顯示資料、識別碼、類型或連線原因包含此文字的資料列</translation>
    </message>
    <message>
        <source>Keep the newest row in view; scrolling up or selecting a row stops following</source>
        <translation>讓最新的資料列保持在視野中；向上捲動或選取資料列即停止跟隨</translation>
    </message>
    <message>
        <source>Show when connections open, are lost, reconnect or fail, among the events</source>
        <translation>在事件之間顯示連線何時開啟、中斷、重新連線或失敗</translation>
    </message>
    <message>
        <source>Show when alert rules fire and resolve, among the events</source>
        <translation>在事件之間顯示警示規則何時觸發與解除</translation>
    </message>
    <message>
        <source>Show the streams&apos; comments (&quot;: heartbeat&quot;) among the events</source>
        <translation>在事件之間顯示串流的註解（&quot;: heartbeat&quot;）</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>串流：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>類型：</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>所有串流</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有類型</translation>
    </message>
    <message>
        <source>Connection events</source>
        <translation>連線事件</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>顯示 %1 筆</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>顯示 %2 筆中的 %1 筆</translation>
    </message>
    <message>
        <source> · %1 dropped</source>
        <translation> · 已捨棄 %1 筆</translation>
    </message>
    <message>
        <source>The log keeps the newest %1 rows, events and connection changes alike; older rows are dropped and counted (%2 since the log was cleared). The cap is set in Limits.</source>
        <translation>記錄會保留最新的 %1 筆資料列，事件與連線變化皆同；較舊的資料列會被捨棄並計數（自清除記錄以來已捨棄 %2 筆）。上限可在「上限」中設定。</translation>
    </message>
</context>
<context>
    <name>EventRatePanel</name>
    <message>
        <source>Event rate (events/s, bytes/s)</source>
        <translation>事件速率（事件/秒、位元組/秒）</translation>
    </message>
    <message>
        <source>Event rate (events/s)</source>
        <translation>事件速率（事件/秒）</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 事件/秒</translation>
    </message>
    <message>
        <source>events/s</source>
        <translation>事件/秒</translation>
    </message>
    <message>
        <source>%1 bytes/s</source>
        <translation>%1 位元組/秒</translation>
    </message>
    <message>
        <source>Show Bytes per Second</source>
        <translation>顯示每秒位元組數</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Whole capture</source>
        <translation>完整擷取資料(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Visible chart range</source>
        <translation>可見圖表範圍(&amp;V)</translation>
    </message>
    <message>
        <source>Export Events</source>
        <translation>匯出事件</translation>
    </message>
    <message>
        <source>The streams whose events are written</source>
        <translation>要寫入其事件的串流</translation>
    </message>
    <message>
        <source>Only the events received in the time range the charts show</source>
        <translation>僅限在圖表顯示的時間範圍內接收的事件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Streams:</source>
        <translation>串流(&amp;S)：</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>範圍：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <source>%1 (%2 events)</source>
        <translation>%1（%2 個事件）</translation>
    </message>
    <message>
        <source>&amp;Visible chart range (%1)</source>
        <translation>可見圖表範圍（%1）(&amp;V)</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有檔案</translation>
    </message>
    <message>
        <source>One JSON object per event, as &lt;tt&gt;eventscope record&lt;/tt&gt; writes.</source>
        <translation>每個事件一個 JSON 物件，與 &lt;tt&gt;eventscope record&lt;/tt&gt; 寫入的格式相同。</translation>
    </message>
    <message>
        <source>RFC 4180 for spreadsheets: receive time, stream, type, ID, data, then one column per plotted field.</source>
        <translation>RFC 4180 試算表格式：接收時間、串流、類型、識別碼、資料，接著每個繪製欄位各一欄。</translation>
    </message>
    <message>
        <source>Raw text/event-stream that replays as the same events.</source>
        <translation>原始 text/event-stream，重播時會產生相同的事件。</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Cannot export the events to %1: %2</source>
        <translation>無法將事件匯出至 %1：%2</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>text/event-stream</source>
        <translation>text/event-stream</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>匯出已取消。</translation>
    </message>
</context>
<context>
    <name>FieldMenu</name>
    <message>
        <source>Set &amp;Unit…</source>
        <translation>設定單位(&amp;U)…</translation>
    </message>
    <message>
        <source>The unit of %1, for axes, readouts and statistics</source>
        <translation>%1 的單位，用於座標軸、讀數與統計</translation>
    </message>
    <message>
        <source>Add &amp;Derived Series…</source>
        <translation>新增衍生序列(&amp;D)…</translation>
    </message>
    <message>
        <source>A rate, moving average, difference or ratio computed from %1</source>
        <translation>由 %1 計算出的變化率、移動平均、差值或比值</translation>
    </message>
    <message>
        <source>&amp;Remove Derived Series</source>
        <translation>移除衍生序列(&amp;R)</translation>
    </message>
    <message>
        <source>Set Unit</source>
        <translation>設定單位</translation>
    </message>
    <message>
        <source>Unit of %1 (empty for none):</source>
        <translation>%1 的單位（留空表示無）：</translation>
    </message>
    <message>
        <source>the stream is gone</source>
        <translation>串流已不存在</translation>
    </message>
    <message>
        <source>Remove Derived Series</source>
        <translation>移除衍生序列</translation>
    </message>
    <message>
        <source>Remove the derived series %1? The fields it is computed from stay.</source>
        <translation>要移除衍生序列 %1 嗎？其計算來源欄位會保留。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>FieldPicker</name>
    <message numerus="yes">
        <source>%1
%n numeric field(s); check one to plot it</source>
        <translation>
            <numerusform>%1
%n 個數值欄位；勾選即可繪製</numerusform>
        </translation>
    </message>
    <message>
        <source>Time axis</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <source>Where the time of each sample comes from: when the event arrived, or a timestamp in the payload (ISO-8601 or epoch seconds or milliseconds). Changing it draws the plot again from the capture.</source>
        <translation>每個樣本的時間來源：事件到達的時間，或酬載中的時間戳記（ISO-8601、epoch 秒數或毫秒數）。變更後會根據擷取資料重新繪製圖表。</translation>
    </message>
    <message>
        <source>Receive time</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <source>When each event arrived here</source>
        <translation>每個事件到達此處的時間</translation>
    </message>
    <message>
        <source>%1: a derived series; check to plot it, or drag it onto a panel</source>
        <translation>%1：衍生序列；勾選即可繪製，或將其拖曳到面板上</translation>
    </message>
    <message>
        <source>%1: check to plot it, or drag it onto a panel</source>
        <translation>%1：勾選即可繪製，或將其拖曳到面板上</translation>
    </message>
    <message>
        <source>%1 of the “%2” events: check to plot it, or drag it onto a panel</source>
        <translation>「%2」事件的 %1：勾選即可繪製，或將其拖曳到面板上</translation>
    </message>
    <message>
        <source>The newest value</source>
        <translation>最新數值</translation>
    </message>
    <message>
        <source>The timestamp in %1 of each payload</source>
        <translation>每個酬載中 %1 的時間戳記</translation>
    </message>
    <message>
        <source>The timestamp in %1 of each “%2” event; other events keep their receive time</source>
        <translation>每個「%2」事件中 %1 的時間戳記；其他事件保留其接收時間</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Check the fields to plot; the time axis of each stream is chosen under it</source>
        <translation>勾選要繪製的欄位；各串流的時間軸可在其下方選擇</translation>
    </message>
</context>
<context>
    <name>GuiCommand</name>
    <message>
        <source>--interval wants a positive number of milliseconds, not &quot;%1&quot;</source>
        <translation>--interval 需要正的毫秒數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot start the demo server</source>
        <translation>無法啟動示範伺服器</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Live dashboard, recorder and server for Server-Sent Events.</source>
        <translation>Server-Sent Events 的即時儀表板、記錄器與伺服器。</translation>
    </message>
    <message>
        <source>Modes:
  eventscope [URL...]             the dashboard: subscribe, watch, chart, alert, export
  eventscope record URL...        record streams headlessly (eventscope record --help)
  eventscope serve --demo         serve the demo stream or a capture (eventscope serve --help)

Without URLs the dashboard opens the session used last.</source>
        <translation>模式：
  eventscope [URL...]             儀表板：訂閱、監看、繪製圖表、警示、匯出
  eventscope record URL...        在無圖形介面下記錄串流（eventscope record --help）
  eventscope serve --demo         提供示範串流或擷取資料（eventscope serve --help）

未指定 URL 時，儀表板會開啟上次使用的工作階段。</translation>
    </message>
    <message>
        <source>Streams to subscribe to.</source>
        <translation>要訂閱的串流。</translation>
    </message>
    <message>
        <source>the dashboard on the built-in demo stream</source>
        <translation>以內建的示範串流開啟儀表板</translation>
    </message>
    <message>
        <source>the dashboard on a stream</source>
        <translation>開啟儀表板並訂閱一個串流</translation>
    </message>
    <message>
        <source>record it to a file</source>
        <translation>將該串流記錄至檔案</translation>
    </message>
    <message>
        <source>serve the capture again</source>
        <translation>再次提供該擷取資料</translation>
    </message>
    <message>
        <source>Serve the demo stream in-process and subscribe to it.</source>
        <translation>在程式內部提供示範串流並加以訂閱。</translation>
    </message>
    <message>
        <source>Interval of the demo stream in milliseconds (default %1).</source>
        <translation>示範串流的間隔，單位為毫秒（預設 %1）。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Usage Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>Open the usage guide on the project&apos;s homepage in your web browser</source>
        <translation>在網頁瀏覽器中開啟專案首頁上的使用指南</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>List every shortcut of the window and the keys of the charts</source>
        <translation>列出視窗的所有快速鍵與圖表的按鍵</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2、%3）</translation>
    </message>
    <message>
        <source>&amp;About EventScope</source>
        <translation>關於 EventScope(&amp;A)</translation>
    </message>
    <message>
        <source>EventScope&apos;s version, the Qt it runs on, its licence and homepage</source>
        <translation>EventScope 的版本、執行所用的 Qt、授權條款與首頁</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>The version and licence of the Qt toolkit</source>
        <translation>Qt 工具組的版本與授權條款</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Usage Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>No web browser could be started. The usage guide is at
%1</source>
        <translation>無法啟動網頁瀏覽器。使用指南位於
%1</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Limits</source>
        <translation>上限</translation>
    </message>
    <message>
        <source> events</source>
        <translation> 個事件</translation>
    </message>
    <message>
        <source>Each stream&apos;s capture keeps at most this many events. Beyond it the oldest events are dropped from the capture (and from what can be exported); they are counted as dropped.</source>
        <translation>每個串流的擷取資料最多保留這麼多事件。超過時，最舊的事件會從擷取資料中捨棄（也無法再匯出），並計為已捨棄。</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Each stream&apos;s capture keeps at most about this much memory. Beyond it the oldest events are dropped from the capture; they are counted as dropped.</source>
        <translation>每個串流的擷取資料最多約占用這麼多記憶體。超過時，最舊的事件會從擷取資料中捨棄，並計為已捨棄。</translation>
    </message>
    <message>
        <source>Every stream&apos;s capture together keeps at most about this much memory. Beyond it the oldest events of all streams are dropped first; they are counted as dropped.</source>
        <translation>所有串流的擷取資料合計最多約占用這麼多記憶體。超過時，會先捨棄所有串流中最舊的事件，並計為已捨棄。</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> 列</translation>
    </message>
    <message>
        <source>The event log keeps this many of the newest rows, events and connection changes alike. Older rows leave the log (the capture keeps its events) and are counted as dropped.</source>
        <translation>事件記錄保留這麼多筆最新的列，事件與連線變更皆同。較舊的列會離開記錄（擷取資料仍保留其事件），並計為已捨棄。</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 個點</translation>
    </message>
    <message>
        <source>Each chart series keeps this many of its newest points. Older points leave the chart (the capture keeps their events) and are counted as dropped.</source>
        <translation>每個圖表數列保留這麼多個最新的點。較舊的點會離開圖表（擷取資料仍保留其事件），並計為已捨棄。</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>擷取資料</translation>
    </message>
    <message>
        <source>Each stream keeps at most:</source>
        <translation>每個串流最多保留：</translation>
    </message>
    <message>
        <source>… and at most:</source>
        <translation>… 以及最多：</translation>
    </message>
    <message>
        <source>All streams together:</source>
        <translation>所有串流合計：</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>Event log:</source>
        <translation>事件記錄：</translation>
    </message>
    <message>
        <source>Each chart series:</source>
        <translation>每個圖表數列：</translation>
    </message>
    <message>
        <source>What falls out beyond a limit is counted as dropped and shown in the status bar and the log&apos;s count.</source>
        <translation>超過上限而被移出的內容會計為已捨棄，並顯示在狀態列與記錄的計數中。</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 個事件</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 個點</translation>
    </message>
    <message>
        <source>now: %1 held</source>
        <translation>目前：保留 %1</translation>
    </message>
    <message>
        <source> · %1 dropped</source>
        <translation> · 已捨棄 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>When events come faster than the charts can draw them, the charts take an even selection of each stream&apos;s events so that the window keeps answering; the capture and the log keep every event.</source>
        <translation>當事件到達的速度快於圖表繪製的速度時，圖表會從每個串流的事件中平均取樣，讓視窗保持回應；擷取資料與記錄仍會保留每個事件。</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size: large&quot;&gt;&lt;b&gt;No streams yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Add a text/event-stream URL with &lt;b&gt;Stream ▸ Add Stream…&lt;/b&gt; (Ctrl+N),&lt;br&gt;open a saved session (Ctrl+O), or start the built-in demo stream&lt;br&gt;(&lt;b&gt;Stream ▸ Start Demo Stream&lt;/b&gt;, or run &lt;tt&gt;eventscope --demo&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: large&quot;&gt;&lt;b&gt;尚無串流&lt;/b&gt;&lt;/p&gt;&lt;p&gt;請以 &lt;b&gt;串流 ▸ 新增串流…&lt;/b&gt;（Ctrl+N）新增 text/event-stream URL，&lt;br&gt;開啟已儲存的工作階段（Ctrl+O），或啟動內建的示範串流&lt;br&gt;（&lt;b&gt;串流 ▸ 啟動示範串流&lt;/b&gt;，或執行 &lt;tt&gt;eventscope --demo&lt;/tt&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Stream…</source>
        <translation>新增串流…</translation>
    </message>
    <message>
        <source>Start Demo Stream</source>
        <translation>啟動示範串流</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>串流</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>&amp;Pause Charts</source>
        <translation>暫停圖表(&amp;P)</translation>
    </message>
    <message>
        <source>Freeze the charts&apos; view; events keep being recorded</source>
        <translation>凍結圖表的檢視；事件仍會持續記錄</translation>
    </message>
    <message>
        <source>&amp;Follow Newest Data</source>
        <translation>跟隨最新資料(&amp;F)</translation>
    </message>
    <message>
        <source>Undo zoom and pause: follow the newest data with the chosen time window</source>
        <translation>取消縮放與暫停：以所選的時間範圍跟隨最新資料</translation>
    </message>
    <message>
        <source>&amp;Find in Log</source>
        <translation>在記錄中尋找(&amp;F)</translation>
    </message>
    <message>
        <source>Search the event log</source>
        <translation>搜尋事件記錄</translation>
    </message>
    <message>
        <source>C&amp;lear Log</source>
        <translation>清除記錄(&amp;L)</translation>
    </message>
    <message>
        <source>Remove every row from the log; the captured events stay</source>
        <translation>移除記錄中的所有列；已擷取的事件仍會保留</translation>
    </message>
    <message>
        <source>&amp;Limits…</source>
        <translation>上限(&amp;L)…</translation>
    </message>
    <message>
        <source>How many events each stream&apos;s capture, the log and each chart series keep; what falls out is counted as dropped</source>
        <translation>每個串流的擷取資料、記錄與每個圖表數列各保留多少事件；被移出的部分計為已捨棄</translation>
    </message>
    <message>
        <source>Export &amp;Chart as PNG/SVG…</source>
        <translation>將圖表匯出為 PNG/SVG(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;Chart as PNG…</source>
        <translation>將圖表匯出為 PNG(&amp;C)…</translation>
    </message>
    <message>
        <source>Render the charts at a size you choose and save them as an image</source>
        <translation>以您選擇的尺寸繪製圖表並儲存為圖片</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Close every stream and quit</source>
        <translation>關閉所有串流並結束</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Stream</source>
        <translation>串流(&amp;S)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Show or hide the stream table</source>
        <translation>顯示或隱藏串流表格</translation>
    </message>
    <message>
        <source>Show or hide the field picker</source>
        <translation>顯示或隱藏欄位選擇器</translation>
    </message>
    <message>
        <source>Show or hide the event log</source>
        <translation>顯示或隱藏事件記錄</translation>
    </message>
    <message>
        <source>Show or hide the alert rules and their history</source>
        <translation>顯示或隱藏警示規則及其歷程</translation>
    </message>
    <message>
        <source>Show or hide the statistics of every field</source>
        <translation>顯示或隱藏每個欄位的統計資料</translation>
    </message>
    <message>
        <source>Show or hide the main tool bar</source>
        <translation>顯示或隱藏主要工具列</translation>
    </message>
    <message>
        <source>%1 of %2 streams open · %3 events/s</source>
        <translation>%2 個串流中有 %1 個已開啟 · %3 個事件/秒</translation>
    </message>
    <message>
        <source> · overload: charts show a selection, %1 events not charted</source>
        <translation> · 過載：圖表僅顯示取樣，%1 個事件未繪製</translation>
    </message>
    <message>
        <source> · %1 events not charted</source>
        <translation> · %1 個事件未繪製</translation>
    </message>
    <message>
        <source>Captured %1 events · %2 dropped</source>
        <translation>已擷取 %1 個事件 · 已捨棄 %2 個</translation>
    </message>
    <message>
        <source>Each stream keeps at most %1 events and %2 MiB, all streams together %3 MiB; older events are dropped and counted (File ▸ Limits).</source>
        <translation>每個串流最多保留 %1 個事件與 %2 MiB，所有串流合計 %3 MiB；較舊的事件會被捨棄並計數（檔案 ▸ 上限）。</translation>
    </message>
    <message>
        <source>%1: %2 events (%3 MiB), %4 dropped</source>
        <translation>%1：%2 個事件（%3 MiB），已捨棄 %4 個</translation>
    </message>
    <message>
        <source>EventScope[*]</source>
        <translation>EventScope[*]</translation>
    </message>
    <message>
        <source>%1[*] — EventScope</source>
        <translation>%1[*] — EventScope</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>圖表已儲存至 %1</translation>
    </message>
    <message>
        <source>Quit EventScope</source>
        <translation>結束 EventScope</translation>
    </message>
</context>
<context>
    <name>MonitoringDocks</name>
    <message>
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>統計資料</translation>
    </message>
</context>
<context>
    <name>PanelFrame</name>
    <message>
        <source>Drag the title onto another panel to move this one there</source>
        <translation>將標題拖曳到另一個面板上，即可將此面板移到該處</translation>
    </message>
    <message>
        <source>⚠ firing</source>
        <translation>⚠ 觸發中</translation>
    </message>
    <message>
        <source>An alert rule on what this panel shows is firing</source>
        <translation>針對此面板顯示內容的警示規則正在觸發中</translation>
    </message>
    <message>
        <source>Panel menu: settings, move, resize, remove</source>
        <translation>面板選單：設定、移動、調整大小、移除</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>向左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>向右</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>向上</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>向下</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Wider</source>
        <translation>加寬</translation>
    </message>
    <message>
        <source>Narrower</source>
        <translation>縮窄</translation>
    </message>
    <message>
        <source>Taller</source>
        <translation>加高</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>縮短</translation>
    </message>
    <message>
        <source>Remove Panel</source>
        <translation>移除面板</translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, theme, font size, time zone, the time window charts open with, and the reconnection that new streams start from</source>
        <translation>語言、佈景主題、字型大小、時區、圖表開啟時的時間範圍，以及新串流起始的重新連線方式</translation>
    </message>
    <message>
        <source>Preferences saved; language and font size apply when EventScope starts again</source>
        <translation>偏好設定已儲存；語言與字型大小會在 EventScope 下次啟動時生效</translation>
    </message>
    <message>
        <source>Preferences saved</source>
        <translation>偏好設定已儲存</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>系統（%1）</translation>
    </message>
    <message>
        <source>The language of the window and of record&apos;s notices</source>
        <translation>視窗以及 record 提醒所用的語言</translation>
    </message>
    <message>
        <source>Larger text for wall displays</source>
        <translation>牆面顯示器用的較大文字</translation>
    </message>
    <message>
        <source>Language and font size take effect when EventScope starts again.</source>
        <translation>語言與字型大小會在 EventScope 下次啟動時生效。</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>字型大小(&amp;F)：</translation>
    </message>
    <message>
        <source>Resilient</source>
        <translation>韌性</translation>
    </message>
    <message>
        <source>Strict (browser)</source>
        <translation>嚴格（瀏覽器）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>The longest wait between reconnection attempts</source>
        <translation>兩次重新連線嘗試之間的最長等待</translation>
    </message>
    <message>
        <source>New streams</source>
        <translation>新串流</translation>
    </message>
    <message>
        <source>Reconnection &amp;policy:</source>
        <translation>重新連線原則(&amp;P)：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colours of the window and the charts</source>
        <translation>視窗與圖表的色彩</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>本地時間（%1）</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>The time zone of the charts&apos; time axes, the log and the alert history; captures and exports are always in UTC</source>
        <translation>圖表時間軸、事件記錄與警示歷程所用的時區；擷取與匯出一律使用 UTC</translation>
    </message>
    <message>
        <source>The time window charts show when EventScope starts without a session</source>
        <translation>EventScope 在沒有工作階段時啟動，圖表所顯示的時間範圍</translation>
    </message>
    <message>
        <source>Charts and times</source>
        <translation>圖表與時間</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>佈景主題(&amp;T)：</translation>
    </message>
    <message>
        <source>Show times &amp;in:</source>
        <translation>時間顯示為(&amp;I)：</translation>
    </message>
    <message>
        <source>Time &amp;window:</source>
        <translation>時間範圍(&amp;W)：</translation>
    </message>
    <message>
        <source>Longest w&amp;ait:</source>
        <translation>最長等待(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Capture, Log and Chart Limits…</source>
        <translation>擷取、記錄與圖表上限(&amp;C)…</translation>
    </message>
    <message>
        <source>How many events each capture, the log and each chart series keep</source>
        <translation>每個擷取、事件記錄與每條圖表序列各保留多少事件</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>記憶體：</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 should be %2</source>
        <translation>%1 應為 %2</translation>
    </message>
    <message>
        <source>dashboard should be an object; the dashboard was not restored</source>
        <translation>dashboard 應為物件；儀表板未還原</translation>
    </message>
    <message>
        <source>dashboard: %1</source>
        <translation>儀表板：%1</translation>
    </message>
    <message>
        <source>The session file %1 does not exist.</source>
        <translation>工作階段檔案 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read the session file %1: %2</source>
        <translation>無法讀取工作階段檔案 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a session file: not valid JSON (%2 at byte %3).</source>
        <translation>%1 不是工作階段檔案：不是有效的 JSON（位於位元組 %3 的 %2）。</translation>
    </message>
    <message>
        <source>%1 is not a session file: expected a JSON object.</source>
        <translation>%1 不是工作階段檔案：預期為 JSON 物件。</translation>
    </message>
    <message>
        <source>%1 is not a session file: %2.</source>
        <translation>%1 不是工作階段檔案：%2。</translation>
    </message>
    <message>
        <source>%1 is a version %2 session file; this version of EventScope reads versions %3 to %4.</source>
        <translation>%1 是第 %2 版的工作階段檔案；此版本的 EventScope 可讀取第 %3 至 %4 版。</translation>
    </message>
    <message>
        <source>%1 is not a valid session file: %2.</source>
        <translation>%1 不是有效的工作階段檔案：%2。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Cannot save the session to %1: %2</source>
        <translation>無法將工作階段儲存至 %1：%2</translation>
    </message>
    <message>
        <source>the request body</source>
        <translation>請求本文</translation>
    </message>
    <message>
        <source>the keyring did not answer within %1 s</source>
        <translation>金鑰圈未在 %1 s 內回應</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>（未提供）</translation>
    </message>
</context>
<context>
    <name>RecordAlerts</name>
    <message>
        <source>--alert &apos;%1&apos;: %2</source>
        <translation>--alert &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>cannot run the alert command: %1</source>
        <translation>無法執行警示指令：%1</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>Try &apos;eventscope record --help&apos; for more information.</source>
        <translation>請執行 &apos;eventscope record --help&apos; 以取得更多資訊。</translation>
    </message>
    <message>
        <source>--data and --data-file cannot both be given</source>
        <translation>不能同時指定 --data 與 --data-file</translation>
    </message>
    <message>
        <source>cannot read --data-file &quot;%1&quot;: %2</source>
        <translation>無法讀取 --data-file &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <source>-X needs an HTTP method, not &quot;%1&quot;</source>
        <translation>-X 需要 HTTP 方法，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>-X %1 cannot be sent (CONNECT, TRACE and TRACK never are)</source>
        <translation>無法送出 -X %1（CONNECT、TRACE 與 TRACK 一律不送出）</translation>
    </message>
    <message>
        <source>a request body needs a method that takes one (not %1)</source>
        <translation>請求本文需要可帶本文的方法（不能是 %1）</translation>
    </message>
    <message>
        <source>no URL given</source>
        <translation>未指定 URL</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot; (jsonl, csv or sse)</source>
        <translation>未知的格式 &quot;%1&quot;（jsonl、csv 或 sse）</translation>
    </message>
    <message>
        <source>--format %1 is not supported yet</source>
        <translation>尚不支援 --format %1</translation>
    </message>
    <message>
        <source>--comments writes JSON Lines: it needs --format jsonl, not %1</source>
        <translation>--comments 寫出 JSON Lines：需要 --format jsonl，而不是 %1</translation>
    </message>
    <message>
        <source>bad header &quot;%1&quot; (expected &quot;Name: value&quot;)</source>
        <translation>標頭 &quot;%1&quot; 有誤（應為 &quot;Name: value&quot;）</translation>
    </message>
    <message>
        <source>--retry needs a number of milliseconds, not &quot;%1&quot;</source>
        <translation>--retry 需要毫秒數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--max-backoff needs a positive number of milliseconds, not &quot;%1&quot;</source>
        <translation>--max-backoff 需要正的毫秒數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--idle-timeout needs a number of milliseconds, not &quot;%1&quot;</source>
        <translation>--idle-timeout 需要毫秒數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--header-timeout needs a number of milliseconds, not &quot;%1&quot;</source>
        <translation>--header-timeout 需要毫秒數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--pin-sha256 needs a SHA-256 fingerprint (64 hex digits), not &quot;%1&quot;</source>
        <translation>--pin-sha256 需要 SHA-256 指紋（64 個十六進位數字），而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--max-events needs a positive whole number, not &quot;%1&quot;</source>
        <translation>--max-events 需要正整數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--duration needs a positive number of seconds (at most %1), not &quot;%2&quot;</source>
        <translation>--duration 需要正的秒數（最多 %1），而不是 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--alert-command and --exit-on-alert need an --alert rule</source>
        <translation>--alert-command 與 --exit-on-alert 需要一條 --alert 規則</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>標準輸出</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>無法寫入標準輸出：%1</translation>
    </message>
    <message>
        <source>cannot open output file &quot;%1&quot;: %2</source>
        <translation>無法開啟輸出檔案 &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) recorded</source>
        <translation>
            <numerusform>已記錄 %n 個事件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 received, stopping</source>
        <translation>收到 %1，正在停止</translation>
    </message>
    <message>
        <source>ids went back from %1 to %2 on reconnecting: the server restarted, or ignored Last-Event-ID</source>
        <translation>重新連線時識別碼從 %1 倒退為 %2：伺服器已重新啟動，或忽略了 Last-Event-ID</translation>
    </message>
    <message>
        <source>ids went back from %1 to %2: the server restarted, or ignored Last-Event-ID</source>
        <translation>識別碼從 %1 倒退為 %2：伺服器已重新啟動，或忽略了 Last-Event-ID</translation>
    </message>
</context>
<context>
    <name>RecordCommandLine</name>
    <message>
        <source>Records Server-Sent Events streams headlessly.</source>
        <translation>在無圖形介面下記錄 Server-Sent Events 串流。</translation>
    </message>
    <message>
        <source>One line per dispatched event, by default JSON Lines {&quot;url&quot;, &quot;type&quot;, &quot;data&quot;, &quot;lastEventId&quot;,
&quot;receivedAt&quot;, &quot;connection&quot;}; connection changes, notices (waiting for headers, a buffering
proxy, compression, ids that went back, an event too large) and alert transitions go to
standard error.

Alert rules (--alert), each transition one line on standard error:
  FIELD &gt; X, &gt;= X, &lt; X, &lt;= X, FIELD outside LOW..HIGH  [for DURATION]
  stale DURATION | down DURATION | idreset [DURATION] | reconnects &gt; K in DURATION
FIELD is a payload path (/count, /cpu/load[0], type:/path) or rate(...), avg(..., 10s),
diff(/a, /b), ratio(/a, /b); DURATION is 500ms, 10s, 1.5m or 2h.</source>
        <translation>每個分派的事件寫成一行，預設為 JSON Lines {&quot;url&quot;, &quot;type&quot;, &quot;data&quot;, &quot;lastEventId&quot;,
&quot;receivedAt&quot;, &quot;connection&quot;}；連線變化、通知（等待標頭、代理伺服器緩衝、
壓縮、識別碼倒退、事件過大）以及警示的狀態轉換，則寫到
標準錯誤輸出。

警示規則（--alert），每次狀態轉換在標準錯誤輸出寫成一行：
  FIELD &gt; X, &gt;= X, &lt; X, &lt;= X, FIELD outside LOW..HIGH  [for DURATION]
  stale DURATION | down DURATION | idreset [DURATION] | reconnects &gt; K in DURATION
FIELD 為酬載路徑（/count、/cpu/load[0]、type:/path）或 rate(...)、avg(..., 10s)、
diff(/a, /b)、ratio(/a, /b)；DURATION 為 500ms、10s、1.5m 或 2h。</translation>
    </message>
    <message>
        <source>0 when stopped (by --max-events, --duration, SIGINT/SIGTERM, or when every stream was ended
by its server), 2 when a stream failed for good, 1 for a usage error, 3 for --exit-on-alert.</source>
        <translation>0：已停止（因 --max-events、--duration、SIGINT/SIGTERM，或每個串流都已由其伺服器
結束）；2：有串流永久失敗；1：用法錯誤；3：因 --exit-on-alert 而停止。</translation>
    </message>
    <message>
        <source>http or https stream URLs.</source>
        <translation>http 或 https 串流的 URL。</translation>
    </message>
    <message>
        <source>the first 100 events to a file</source>
        <translation>將前 100 個事件寫入檔案</translation>
    </message>
    <message>
        <source>raw text/event-stream, for serve --replay</source>
        <translation>原始 text/event-stream，供 serve --replay 使用</translation>
    </message>
    <message>
        <source>a POST-based stream</source>
        <translation>以 POST 請求的串流</translation>
    </message>
    <message>
        <source>alerts on standard error</source>
        <translation>警示寫到標準錯誤輸出</translation>
    </message>
    <message>
        <source>Write to FILE (default: standard output).</source>
        <translation>寫入 FILE（預設：標準輸出）。</translation>
    </message>
    <message>
        <source>Output format: jsonl (default), csv or sse.</source>
        <translation>輸出格式：jsonl（預設）、csv 或 sse。</translation>
    </message>
    <message>
        <source>Stop after N events in all.</source>
        <translation>總共收到 N 個事件後停止。</translation>
    </message>
    <message>
        <source>Stop after this many seconds (fractions allowed).</source>
        <translation>經過指定的秒數後停止（可為小數）。</translation>
    </message>
    <message>
        <source>Extra request header &quot;Name: value&quot; (repeatable).</source>
        <translation>額外的請求標頭 &quot;Name: value&quot;（可重複指定）。</translation>
    </message>
    <message>
        <source>Request method: GET (the default, POST with a body), POST, PUT, PATCH, REPORT or any other token.</source>
        <translation>請求方法：GET（預設；有本文時為 POST）、POST、PUT、PATCH、REPORT 或其他任何方法名稱。</translation>
    </message>
    <message>
        <source>Request body, sent again unchanged with every reconnection; its type with -H &apos;Content-Type: ...&apos;.</source>
        <translation>請求本文，每次重新連線時原封不動地再次傳送；其類型以 -H &apos;Content-Type: ...&apos; 指定。</translation>
    </message>
    <message>
        <source>Request body read from FILE (- for standard input).</source>
        <translation>從 FILE 讀取請求本文（- 表示標準輸入）。</translation>
    </message>
    <message>
        <source>Last-Event-ID sent on the first connection.</source>
        <translation>第一次連線時傳送的 Last-Event-ID。</translation>
    </message>
    <message>
        <source>Initial reconnection time in ms (default 3000; a stream&apos;s retry: field overrides it).</source>
        <translation>初始的重新連線時間，單位為毫秒（預設 3000；串流的 retry: 欄位會覆寫此值）。</translation>
    </message>
    <message>
        <source>Longest wait between reconnection attempts in ms (default 60000).</source>
        <translation>重新連線嘗試之間的最長等待毫秒數（預設 60000）。</translation>
    </message>
    <message>
        <source>Reconnect when no byte arrived for MS (default: off).</source>
        <translation>MS 毫秒內未收到任何位元組時重新連線（預設：關閉）。</translation>
    </message>
    <message>
        <source>Connect again when no response headers came for MS (default 30000; 0 waits for ever).</source>
        <translation>MS 毫秒內未收到回應標頭時重新連線（預設 30000；0 表示無限期等待）。</translation>
    </message>
    <message>
        <source>Trust exactly the certificate with this SHA-256 fingerprint (hex, colons allowed) despite TLS errors (repeatable).</source>
        <translation>僅信任具有此 SHA-256 指紋（十六進位，可含冒號）的憑證，即使有 TLS 錯誤亦然（可重複指定）。</translation>
    </message>
    <message>
        <source>Browser behaviour: any response but 200 text/event-stream fails the stream for good.</source>
        <translation>瀏覽器行為：只要回應不是 200 text/event-stream，串流即永久失敗。</translation>
    </message>
    <message>
        <source>Also write each comment line of the streams as {&quot;url&quot;, &quot;comment&quot;, &quot;receivedAt&quot;} (JSON Lines only).</source>
        <translation>同時將串流的每一行註解寫成 {&quot;url&quot;, &quot;comment&quot;, &quot;receivedAt&quot;}（僅限 JSON Lines）。</translation>
    </message>
    <message>
        <source>Let the server compress the stream (gzip, br...); by default the request asks for none, as compressors hold events back.</source>
        <translation>允許伺服器壓縮串流（gzip、br...）；預設的請求不要求壓縮，因為壓縮器會延遲事件。</translation>
    </message>
    <message>
        <source>Alert rule, e.g. &apos;/count &gt; 3&apos; (repeatable; see above).</source>
        <translation>警示規則，例如 &apos;/count &gt; 3&apos;（可重複指定；見上文）。</translation>
    </message>
    <message>
        <source>Run CMD with /bin/sh -c on each alert transition (EVENTSCOPE_ALERT_* in its environment).</source>
        <translation>每次警示狀態轉換時以 /bin/sh -c 執行 CMD（其環境變數中含 EVENTSCOPE_ALERT_*）。</translation>
    </message>
    <message>
        <source>Stop at the first alert that fires, exit status 3.</source>
        <translation>第一個警示觸發時即停止，結束狀態為 3。</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>&amp;Secret</source>
        <translation>機密(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>載入(&amp;L)…</translation>
    </message>
    <message>
        <source>The request method: GET for an EventSource; POST and others for streams
such as LLM APIs that take a request body. Any token can be typed.</source>
        <translation>請求方法：EventSource 使用 GET；POST 等方法則用於需要請求本文的串流，
例如 LLM API。可輸入任何權杖。</translation>
    </message>
    <message>
        <source>Sent again, unchanged, with every reconnection. Give its type with a
Content-Type header (application/json for JSON).</source>
        <translation>每次重新連線時都會原封不動地再次傳送。請以 Content-Type 標頭
指定其類型（JSON 請用 application/json）。</translation>
    </message>
    <message>
        <source>A secret body (one that holds a key, say) is kept out of session files
unless File ▸ Store Secret Header Values in Sessions is on.</source>
        <translation>機密本文（例如含有金鑰的本文）不會寫入工作階段檔案，
除非已開啟「檔案 ▸ 在工作階段中儲存機密標頭值」。</translation>
    </message>
    <message>
        <source>Read the body from a file</source>
        <translation>從檔案讀取本文</translation>
    </message>
    <message>
        <source>Load Request Body</source>
        <translation>載入請求本文</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HTTP method.</source>
        <translation>「%1」不是 HTTP 方法。</translation>
    </message>
    <message>
        <source>%1 requests cannot be sent.</source>
        <translation>無法傳送 %1 請求。</translation>
    </message>
    <message>
        <source>A %1 request has no body: choose POST (or another method) or clear the body.</source>
        <translation>%1 請求沒有本文：請選擇 POST（或其他方法），或清除本文。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Try &apos;eventscope serve --help&apos; for more information.</source>
        <translation>請執行 &apos;eventscope serve --help&apos; 以取得更多資訊。</translation>
    </message>
    <message>
        <source>%1; replaying the %2 events before it</source>
        <translation>%1；重播在此之前的 %2 個事件</translation>
    </message>
    <message>
        <source>Serving the demo stream</source>
        <translation>正在提供示範串流</translation>
    </message>
    <message>
        <source>Replaying %1 events from %2</source>
        <translation>正在重播 %2 的 %1 個事件</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>沒有來源</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>非預期的引數：%1</translation>
    </message>
    <message>
        <source>choose one of --demo and --replay</source>
        <translation>請在 --demo 與 --replay 之中擇一</translation>
    </message>
    <message>
        <source>say what to serve: --demo or --replay FILE</source>
        <translation>請指定要提供的內容：--demo 或 --replay FILE</translation>
    </message>
    <message>
        <source>--interval applies to --demo only</source>
        <translation>--interval 只適用於 --demo</translation>
    </message>
    <message>
        <source>--interval wants a whole number of milliseconds above 0, not &quot;%1&quot;</source>
        <translation>--interval 需要大於 0 的整數毫秒數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--speed wants a number of 0 or more, not &quot;%1&quot;</source>
        <translation>--speed 需要 0 或以上的數字，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--speed applies to --replay only</source>
        <translation>--speed 只適用於 --replay</translation>
    </message>
    <message>
        <source>--port wants a number from 0 to 65535, not &quot;%1&quot;</source>
        <translation>--port 需要 0 到 65535 的數字，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--bind wants an IP address such as 127.0.0.1 or 0.0.0.0, not &quot;%1&quot;</source>
        <translation>--bind 需要 IP 位址，例如 127.0.0.1 或 0.0.0.0，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--max-connections wants a whole number above 0, not &quot;%1&quot;</source>
        <translation>--max-connections 需要大於 0 的整數，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>無法在 %1:%2 上監聽：%3</translation>
    </message>
    <message>
        <source> (listening on %1)</source>
        <translation>（監聽於 %1）</translation>
    </message>
</context>
<context>
    <name>ServeCommandLine</name>
    <message>
        <source>Serves a Server-Sent Events stream at /events over plain HTTP/1.1.</source>
        <translation>以純 HTTP/1.1 在 /events 提供 Server-Sent Events 串流。</translation>
    </message>
    <message>
        <source>--demo sends `id: N`, `event: message`, `data: {&quot;count&quot;: N, &quot;time&quot;: &quot;&lt;ISO-8601 UTC&gt;&quot;}`
every interval, each client with its own counter, resuming after Last-Event-ID.
--replay sends a capture&apos;s events with their original spacing divided by --speed,
resuming after Last-Event-ID; a client that has seen every event is answered 204.
Prints the stream&apos;s URL on standard output once listening; stops on SIGINT/SIGTERM.</source>
        <translation>--demo 傳送 `id: N`、`event: message`、`data: {&quot;count&quot;: N, &quot;time&quot;: &quot;&lt;ISO-8601 UTC&gt;&quot;}`，
每個間隔一次，每個用戶端各有自己的計數器，並從 Last-Event-ID 之後繼續。
--replay 傳送擷取資料中的事件，事件間的原始間隔除以 --speed，
並從 Last-Event-ID 之後繼續；已收到所有事件的用戶端會得到 204 回應。
開始監聽後在標準輸出印出串流的 URL；收到 SIGINT/SIGTERM 時停止。</translation>
    </message>
    <message>
        <source>0 when stopped by a signal, 1 for a usage error or when the port is taken.</source>
        <translation>0：因訊號而停止；1：用法錯誤或連接埠已被佔用。</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080/events, one event a second</source>
        <translation>http://127.0.0.1:8080/events，每秒一個事件</translation>
    </message>
    <message>
        <source>any free port, ten a second</source>
        <translation>任一可用的連接埠，每秒十個事件</translation>
    </message>
    <message>
        <source>a capture, twice as fast</source>
        <translation>擷取資料，以兩倍速度重播</translation>
    </message>
    <message>
        <source>Serve the demo stream.</source>
        <translation>提供示範串流。</translation>
    </message>
    <message>
        <source>Serve a capture made by `eventscope record` (JSON Lines, CSV or text/event-stream).</source>
        <translation>提供 `eventscope record` 製作的擷取資料（JSON Lines、CSV 或 text/event-stream）。</translation>
    </message>
    <message>
        <source>Replay speed factor: 2 = twice as fast, 0 = as fast as possible (default 1).</source>
        <translation>重播速度倍率：2 = 兩倍速，0 = 盡可能快（預設 1）。</translation>
    </message>
    <message>
        <source>Milliseconds between demo events (default %1).</source>
        <translation>示範事件之間的毫秒數（預設 %1）。</translation>
    </message>
    <message>
        <source>TCP port (default %1; 0 picks a free one).</source>
        <translation>TCP 連接埠（預設 %1；0 表示自動挑選可用的連接埠）。</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; 0.0.0.0 for every IPv4 interface).</source>
        <translation>監聽位址：預設 127.0.0.1，0.0.0.0 為所有 IPv4 介面。</translation>
    </message>
    <message>
        <source>Clients served at once; more are answered 503 (default %1).</source>
        <translation>同時服務的用戶端上限；超過時回應 503（預設 %1）。</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>&amp;Open Session…</source>
        <translation>開啟工作階段(&amp;O)…</translation>
    </message>
    <message>
        <source>Replace the streams and layout by those of a session file</source>
        <translation>以工作階段檔案中的串流與版面配置取代目前的內容</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>儲存工作階段(&amp;S)</translation>
    </message>
    <message>
        <source>Save the streams, plotted fields and layout to the session file</source>
        <translation>將串流、已繪製的欄位與版面配置儲存至工作階段檔案</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>另存工作階段(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session to a new file</source>
        <translation>將工作階段儲存至新檔案</translation>
    </message>
    <message>
        <source>Store Secret Header &amp;Values in Sessions</source>
        <translation>在工作階段中儲存機密標頭值(&amp;V)</translation>
    </message>
    <message>
        <source>Warning: writes Authorization, Cookie and other secret header values to session files in plain text</source>
        <translation>警告：會以純文字將 Authorization、Cookie 及其他機密標頭值寫入工作階段檔案</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟的工作階段(&amp;R)</translation>
    </message>
    <message>
        <source>Sessions opened or saved lately</source>
        <translation>最近開啟或儲存的工作階段</translation>
    </message>
    <message>
        <source>Session saved to %1 (secret values included, in plain text)</source>
        <translation>工作階段已儲存至 %1（含機密值，以純文字儲存）</translation>
    </message>
    <message>
        <source>Session saved to %1 without its secret values: the system keyring could not keep them (%2), so they will be asked for when the session opens</source>
        <translation>工作階段已儲存至 %1，但未含機密值：系統金鑰圈無法保存這些值（%2），因此開啟工作階段時會要求輸入</translation>
    </message>
    <message>
        <source>Session saved to %1 (secret values in the system keyring)</source>
        <translation>工作階段已儲存至 %1（機密值存於系統金鑰圈）</translation>
    </message>
    <message>
        <source>Session saved to %1</source>
        <translation>工作階段已儲存至 %1</translation>
    </message>
    <message numerus="yes">
        <source>Opened session %1 (%n secret value(s) from the system keyring)</source>
        <translation>
            <numerusform>已開啟工作階段 %1（從系統金鑰圈取得 %n 個機密值）</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened session %1</source>
        <translation>已開啟工作階段 %1</translation>
    </message>
    <message>
        <source>Opened session %1; secret values were not stored and are empty (%2): edit the stream (F2) to enter them</source>
        <translation>已開啟工作階段 %1；機密值未儲存，因此為空白（%2）：請編輯串流（F2）以輸入</translation>
    </message>
    <message>
        <source>Could not restore the last session: %1</source>
        <translation>無法還原上次的工作階段：%1</translation>
    </message>
    <message>
        <source>The streams or the layout changed since the session was last saved.</source>
        <translation>自上次儲存工作階段後，串流或版面配置已變更。</translation>
    </message>
    <message>
        <source>Save the session first? Captured events are not part of a session: export them (Ctrl+E) to keep them.</source>
        <translation>要先儲存工作階段嗎？擷取的事件不屬於工作階段：若要保留，請將其匯出（Ctrl+E）。</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>儲存工作階段</translation>
    </message>
    <message>
        <source>session.eventscope</source>
        <translation>session.eventscope</translation>
    </message>
    <message>
        <source>EventScope sessions (*.eventscope);;JSON files (*.json);;All files (*)</source>
        <translation>EventScope 工作階段 (*.eventscope);;JSON 檔案 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>開啟工作階段</translation>
    </message>
    <message>
        <source>EventScope sessions (*.eventscope *.json);;All files (*)</source>
        <translation>EventScope 工作階段 (*.eventscope *.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Secret Header</source>
        <translation>機密標頭</translation>
    </message>
    <message>
        <source>The session did not store the value of %1 for %2.
Enter it, or cancel to leave it empty:</source>
        <translation>工作階段未儲存 %2 的 %1 值。
請輸入，或按取消以保留空白：</translation>
    </message>
    <message>
        <source>Secret Request Body</source>
        <translation>機密請求本文</translation>
    </message>
    <message>
        <source>The session did not store the request body of %1.
Enter it, or cancel to leave it empty:</source>
        <translation>工作階段未儲存 %1 的請求本文。
請輸入，或按取消以保留空白：</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>沒有最近的工作階段</translation>
    </message>
    <message>
        <source>Sessions you open or save appear here</source>
        <translation>您開啟或儲存的工作階段會顯示在這裡</translation>
    </message>
</context>
<context>
    <name>ShortcutModel</name>
    <message>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>選單列</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>選單</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Charts</source>
        <translation>圖表</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件記錄</translation>
    </message>
    <message>
        <source>Zoom time (while following, the right edge stays at now)</source>
        <translation>縮放時間（跟隨時，右邊緣維持在目前時間）</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滾輪</translation>
    </message>
    <message>
        <source>Zoom values</source>
        <translation>縮放數值</translation>
    </message>
    <message>
        <source>Zoom into a region</source>
        <translation>縮放至某個區域</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖曳</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>With the focus on a chart (click it)</source>
        <translation>焦點在圖表上時（按一下圖表）</translation>
    </message>
    <message>
        <source>Pan with the mouse</source>
        <translation>以滑鼠平移</translation>
    </message>
    <message>
        <source>Right drag, %1Drag</source>
        <translation>右鍵拖曳、%1拖曳</translation>
    </message>
    <message>
        <source>Zoom time in, out</source>
        <translation>放大、縮小時間</translation>
    </message>
    <message>
        <source>Follow the newest data</source>
        <translation>跟隨最新資料</translation>
    </message>
    <message>
        <source>%1, Double-click</source>
        <translation>%1、按兩下</translation>
    </message>
    <message>
        <source>Select the point&apos;s event in the log</source>
        <translation>在記錄中選取該點的事件</translation>
    </message>
    <message>
        <source>Click a point</source>
        <translation>按一下點</translation>
    </message>
    <message>
        <source>Show the event&apos;s details and stop Follow Tail</source>
        <translation>顯示事件的詳細資料並停止「跟隨尾端」</translation>
    </message>
    <message>
        <source>Click a row</source>
        <translation>按一下列</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Type to filter (action, key or menu)</source>
        <translation>輸入以篩選（動作、按鍵或選單）</translation>
    </message>
    <message>
        <source>Window shortcuts work wherever the focus is, except that a text field keeps the keys it types.</source>
        <translation>視窗快速鍵在任何焦點位置皆可使用，但文字欄位會保留其輸入所需的按鍵。</translation>
    </message>
</context>
<context>
    <name>StatTilePanel</name>
    <message>
        <source>Stat tile (drop a field here)</source>
        <translation>統計圖磚（將欄位拖放到這裡）</translation>
    </message>
    <message>
        <source>Thresholds…</source>
        <translation>閾值…</translation>
    </message>
</context>
<context>
    <name>StatTileState</name>
    <message>
        <source>No data yet</source>
        <translation>尚無資料</translation>
    </message>
</context>
<context>
    <name>StatTileWidget</name>
    <message>
        <source>FIRING</source>
        <translation>觸發中</translation>
    </message>
    <message>
        <source>stale — last at %1</source>
        <translation>已過時 — 最後於 %1</translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <source>Stream</source>
        <translation>串流</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Std dev</source>
        <translation>標準差</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>計數</translation>
    </message>
    <message>
        <source>Rate (/s)</source>
        <translation>速率 (/s)</translation>
    </message>
    <message>
        <source>The newest sample in the range</source>
        <translation>範圍內最新的樣本</translation>
    </message>
    <message>
        <source>Population standard deviation of the samples in the range</source>
        <translation>範圍內樣本的母體標準差</translation>
    </message>
    <message>
        <source>Samples in the range</source>
        <translation>範圍內的樣本數</translation>
    </message>
    <message>
        <source>Samples per second over the range</source>
        <translation>範圍內每秒的樣本數</translation>
    </message>
</context>
<context>
    <name>StatisticsPane</name>
    <message>
        <source>Visible window</source>
        <translation>可見範圍</translation>
    </message>
    <message>
        <source>The samples in the time range the charts show</source>
        <translation>圖表所顯示時間範圍內的樣本</translation>
    </message>
    <message>
        <source>Whole history</source>
        <translation>完整歷程</translation>
    </message>
    <message>
        <source>Every sample held</source>
        <translation>所有保留的樣本</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>範圍(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Only plotted fields</source>
        <translation>僅限已繪製的欄位(&amp;O)</translation>
    </message>
    <message>
        <source>The time range of the samples in the table</source>
        <translation>表格中樣本的時間範圍</translation>
    </message>
    <message>
        <source>No samples</source>
        <translation>沒有樣本</translation>
    </message>
</context>
<context>
    <name>Stream</name>
    <message>
        <source>Offline capture</source>
        <translation>離線擷取資料</translation>
    </message>
    <message>
        <source>Closed to apply new settings</source>
        <translation>已關閉以套用新設定</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>從 %1 到 %2</translation>
    </message>
</context>
<context>
    <name>StreamListModel</name>
    <message>
        <source>1 alert firing</source>
        <translation>1 個警示觸發中</translation>
    </message>
    <message>
        <source>%1 alerts firing</source>
        <translation>%1 個警示觸發中</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>1 reset</source>
        <translation>1 次重設</translation>
    </message>
    <message>
        <source>%1 resets</source>
        <translation>%1 次重設</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已開啟</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>Ended by server</source>
        <translation>已由伺服器結束</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>Offline capture</source>
        <translation>離線擷取資料</translation>
    </message>
    <message>
        <source>Waiting for response headers · %1</source>
        <translation>正在等待回應標頭 · %1</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次嘗試</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Reconnecting (%1)</source>
        <translation>重新連線中（%1）</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (%2)</source>
        <translation>%1 s 後重新連線（%2）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Connections that were opened again after the first one</source>
        <translation>第一次之後再次開啟的連線</translation>
    </message>
    <message>
        <source>Reconnection attempts scheduled, successful or not</source>
        <translation>已排定的重新連線嘗試，無論成功與否</translation>
    </message>
    <message>
        <source>Event IDs skipped between consecutive integer IDs</source>
        <translation>連續整數識別碼之間跳過的事件識別碼</translation>
    </message>
    <message>
        <source>Times the event ID went backwards (a server that restarted)</source>
        <translation>事件識別碼倒退的次數（伺服器已重新啟動）</translation>
    </message>
    <message numerus="yes">
        <source>The event ID went backwards %n time(s), last %1: the server restarted or ignored Last-Event-ID</source>
        <translation>
            <numerusform>事件識別碼已倒退 %n 次，最近一次為 %1：伺服器已重新啟動或忽略了 Last-Event-ID</numerusform>
        </translation>
    </message>
    <message>
        <source>Time since the last event</source>
        <translation>距最後一個事件的時間</translation>
    </message>
    <message>
        <source>Time since the last byte arrived, of an event or a comment (a heartbeat)</source>
        <translation>距最後一個位元組（事件或註解，如心跳）到達的時間</translation>
    </message>
    <message>
        <source>Comment lines received (&quot;: heartbeat&quot;); the log shows them when asked</source>
        <translation>已接收的註解行（&quot;: heartbeat&quot;）；需要時記錄會顯示這些行</translation>
    </message>
    <message>
        <source>Alerts firing:</source>
        <translation>觸發中的警示：</translation>
    </message>
    <message>
        <source>ID reset: %1</source>
        <translation>識別碼重設：%1</translation>
    </message>
    <message>
        <source>Stream ▸ Trust Certificate… shows the certificate and can trust exactly it for this stream.</source>
        <translation>「串流 ▸ 信任憑證…」會顯示憑證，並可僅針對此串流信任該憑證。</translation>
    </message>
    <message>
        <source>Notices:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>Last reconnections:</source>
        <translation>最近的重新連線：</translation>
    </message>
    <message>
        <source>%1  attempt %2, after %3 s</source>
        <translation>%1  第 %2 次嘗試，%3 s 後</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>Events/s</source>
        <translation>事件/秒</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>位元組/秒</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重新連線</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>嘗試</translation>
    </message>
    <message>
        <source>Last ID</source>
        <translation>最後識別碼</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>間隙</translation>
    </message>
    <message>
        <source>ID resets</source>
        <translation>識別碼重設</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最後事件</translation>
    </message>
    <message>
        <source>Last byte</source>
        <translation>最後位元組</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>StreamNotice</name>
    <message>
        <source>response held back</source>
        <translation>回應被延遲</translation>
    </message>
    <message>
        <source>buffered by a proxy?</source>
        <translation>被代理伺服器緩衝？</translation>
    </message>
    <message>
        <source>compressed</source>
        <translation>已壓縮</translation>
    </message>
    <message>
        <source>event too large</source>
        <translation>事件過大</translation>
    </message>
    <message>
        <source>no response headers %1 s after the request: a proxy may be holding the response back (nginx: proxy_buffering off, or the header X-Accel-Buffering: no from the server), or the server does not send its headers before its first event</source>
        <translation>送出請求 %1 s 後仍無回應標頭：可能有代理伺服器延遲了回應（nginx：proxy_buffering off，或由伺服器傳送標頭 X-Accel-Buffering: no），或伺服器在第一個事件之前不會傳送標頭</translation>
    </message>
    <message>
        <source>; the request offered compression, and compression middleware holds a stream back until its buffer fills: subscribe with compression off</source>
        <translation>；請求提供了壓縮，而壓縮中介軟體會延遲串流直到其緩衝區填滿：請在關閉壓縮的情況下訂閱</translation>
    </message>
    <message>
        <source>events arrive in bursts (%1 at once after %2 s of silence, %3 times in a row): a proxy is likely buffering the stream; the usual fixes are the response header X-Accel-Buffering: no, proxy_buffering off in nginx, and flushing after each event</source>
        <translation>事件成批到達（靜默 %2 s 後一次到達 %1 個，連續 %3 次）：可能有代理伺服器正在緩衝串流；常見的解決方式是回應標頭 X-Accel-Buffering: no、在 nginx 中設定 proxy_buffering off，以及在每個事件後排清輸出</translation>
    </message>
    <message>
        <source>an event grew beyond the event size cap (%1 MiB) and is dropped, up to the blank line that ends it (or a line that never ends, up to the end of the connection); the events after it arrive as usual, and later ones too large on this connection are dropped without a word</source>
        <translation>有事件超過事件大小上限（%1 MiB），因此會被捨棄，直到結束該事件的空白行為止（若該行始終未結束，則直到連線結束）；之後的事件照常到達，而此連線上之後過大的事件會直接捨棄，不另行通知</translation>
    </message>
    <message>
        <source>the server compresses the event stream (Content-Encoding: %1): a compressor may hold events back until its buffer fills; turn compression off for this subscription, or have the server flush after each event</source>
        <translation>伺服器壓縮了事件串流（Content-Encoding: %1）：壓縮器可能會延遲事件直到其緩衝區填滿；請為此訂閱關閉壓縮，或讓伺服器在每個事件後排清輸出</translation>
    </message>
</context>
<context>
    <name>StreamUrl</name>
    <message>
        <source>Enter the URL of a text/event-stream, e.g. http://127.0.0.1:8080/events.</source>
        <translation>請輸入 text/event-stream 的 URL，例如 http://127.0.0.1:8080/events。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; gives the scheme twice; did you mean %2?</source>
        <translation>「%1」重複指定了通訊協定；您是指 %2 嗎？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>「%1」不是有效的 URL：%2</translation>
    </message>
    <message>
        <source>Only http and https URLs can be subscribed to, not %1.</source>
        <translation>只能訂閱 http 與 https URL，無法訂閱 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no host.</source>
        <translation>「%1」未指定主機。</translation>
    </message>
</context>
<context>
    <name>StreamsPane</name>
    <message>
        <source>Events/s</source>
        <translation>事件/秒</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重新連線</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最後事件</translation>
    </message>
    <message>
        <source>&amp;Add Stream…</source>
        <translation>新增串流(&amp;A)…</translation>
    </message>
    <message>
        <source>Subscribe to a text/event-stream URL</source>
        <translation>訂閱 text/event-stream URL</translation>
    </message>
    <message>
        <source>Start &amp;Demo Stream</source>
        <translation>啟動示範串流(&amp;D)</translation>
    </message>
    <message>
        <source>Serve the demo stream from inside EventScope and subscribe to it</source>
        <translation>從 EventScope 內部提供示範串流並訂閱它</translation>
    </message>
    <message>
        <source>Demo &amp;Server Running</source>
        <translation>示範伺服器執行中(&amp;S)</translation>
    </message>
    <message>
        <source>Uncheck to stop the built-in demo server and watch its stream reconnect; check to serve again on the same port</source>
        <translation>取消勾選可停止內建示範伺服器，並觀察其串流重新連線；勾選則在同一連接埠上重新提供服務</translation>
    </message>
    <message>
        <source>Demo server listening again on port %1</source>
        <translation>示範伺服器已重新在連接埠 %1 上接聽</translation>
    </message>
    <message>
        <source>Demo server stopped; its stream reconnects once the server runs again</source>
        <translation>示範伺服器已停止；伺服器重新執行後，其串流就會重新連線</translation>
    </message>
    <message>
        <source>&amp;Edit Stream…</source>
        <translation>編輯串流(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the URL, headers or reconnection of the selected stream</source>
        <translation>變更所選串流的 URL、標頭或重新連線設定</translation>
    </message>
    <message>
        <source>&amp;Remove Stream</source>
        <translation>移除串流(&amp;R)</translation>
    </message>
    <message>
        <source>Close and remove the selected stream and what it captured</source>
        <translation>關閉並移除所選串流及其擷取的內容</translation>
    </message>
    <message>
        <source>&amp;Trust Certificate…</source>
        <translation>信任憑證(&amp;T)…</translation>
    </message>
    <message>
        <source>Show the certificate that the selected stream&apos;s server offered and failed verification, and trust exactly that one for this stream</source>
        <translation>顯示所選串流的伺服器所提供且未通過驗證的憑證，並僅針對此串流信任該憑證</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>連線(&amp;C)</translation>
    </message>
    <message>
        <source>Connect the selected stream (again)</source>
        <translation>（重新）連線所選串流</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>中斷連線(&amp;D)</translation>
    </message>
    <message>
        <source>Close the selected stream&apos;s connection</source>
        <translation>關閉所選串流的連線</translation>
    </message>
    <message>
        <source>Connect &amp;All</source>
        <translation>全部連線(&amp;A)</translation>
    </message>
    <message>
        <source>Connect every stream</source>
        <translation>連線所有串流</translation>
    </message>
    <message>
        <source>Disconnect A&amp;ll</source>
        <translation>全部中斷連線(&amp;L)</translation>
    </message>
    <message>
        <source>Close every stream&apos;s connection</source>
        <translation>關閉所有串流的連線</translation>
    </message>
    <message>
        <source>Remove Stream</source>
        <translation>移除串流</translation>
    </message>
    <message>
        <source>Remove %1 and the %2 events it captured?</source>
        <translation>要移除 %1 及其擷取的 %2 個事件嗎？</translation>
    </message>
    <message>
        <source>Its events leave the log, the charts and the capture. Export them first (Ctrl+E) to keep them.</source>
        <translation>其事件將從記錄、圖表與擷取資料中移除。若要保留，請先匯出（Ctrl+E）。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Edit Stream</source>
        <translation>編輯串流</translation>
    </message>
    <message>
        <source>Trusting certificate %1 for %2; connecting again</source>
        <translation>正在針對 %2 信任憑證 %1；重新連線中</translation>
    </message>
</context>
<context>
    <name>SubscriptionDialog</name>
    <message>
        <source>A header with the value &quot;%1&quot; has no name.</source>
        <translation>值為「%1」的標頭沒有名稱。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name.</source>
        <translation>「%1」不是有效的標頭名稱。</translation>
    </message>
    <message>
        <source>The value of %1 contains a line break.</source>
        <translation>%1 的值包含換行。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Allow the server to &amp;compress the stream</source>
        <translation>允許伺服器壓縮串流(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>忘記(&amp;F)</translation>
    </message>
    <message>
        <source>Add Stream</source>
        <translation>新增串流</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>機密</translation>
    </message>
    <message>
        <source>Secret headers are not sent when a redirect leads to another origin.
Authorization and Cookie are always treated so.</source>
        <translation>重新導向至其他來源時，不會傳送機密標頭。
Authorization 與 Cookie 一律如此處理。</translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation>新增標頭(&amp;A)</translation>
    </message>
    <message>
        <source>Resilient</source>
        <translation>韌性</translation>
    </message>
    <message>
        <source>Retries network errors, 5xx, 408 and 429 with exponential backoff,
honouring Retry-After; what a monitoring dashboard wants.</source>
        <translation>以指數退避重試網路錯誤、5xx、408 與 429，
並遵循 Retry-After；適合監控儀表板使用。</translation>
    </message>
    <message>
        <source>Strict (browser)</source>
        <translation>嚴格（瀏覽器）</translation>
    </message>
    <message>
        <source>Exactly a browser&apos;s EventSource: network errors are retried after the
reconnection time, any response but 200 text/event-stream fails.</source>
        <translation>與瀏覽器的 EventSource 完全相同：網路錯誤會在
重新連線時間後重試，200 text/event-stream 以外的任何回應皆視為失敗。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Wait before reconnecting, until the server sends a retry: field.</source>
        <translation>重新連線前的等待時間，直到伺服器傳送 retry: 欄位為止。</translation>
    </message>
    <message>
        <source>The longest wait between reconnection attempts (Resilient): the wait doubles from
the reconnection time up to it, each one drawn between half and all of it, and a
server&apos;s Retry-After is never cut short.</source>
        <translation>重新連線嘗試之間的最長等待時間（韌性）：等待時間從重新連線時間
加倍增長至此值，每次在其一半到全部之間隨機取值，且
絕不縮短伺服器的 Retry-After。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Reconnect when nothing, not even a comment, arrives for this long. 0 turns it off.</source>
        <translation>若這麼久都沒有任何資料到達（連註解也沒有），就重新連線。0 表示關閉。</translation>
    </message>
    <message>
        <source>Off (the default): the request asks for Accept-Encoding: identity, because a compressor
between the server and EventScope holds events back until its buffer fills. On: the
encodings Qt decodes are offered (gzip, deflate, br, zstd), as browsers do.</source>
        <translation>關閉（預設）：請求會要求 Accept-Encoding: identity，因為伺服器與 EventScope
之間的壓縮器會延遲事件直到其緩衝區填滿。開啟：如同瀏覽器，
提供 Qt 可解碼的編碼（gzip、deflate、br、zstd）。</translation>
    </message>
    <message>
        <source>Off (wait for ever)</source>
        <translation>關閉（永遠等待）</translation>
    </message>
    <message>
        <source>Connect again when a server accepted the connection but sent no response headers for
this long. 0 waits for ever, as a browser does.</source>
        <translation>伺服器接受連線，但這麼久都未傳送回應標頭時，
就重新連線。0 表示如瀏覽器般永遠等待。</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Request &amp;headers:</source>
        <translation>請求標頭(&amp;H)：</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>請求(&amp;Q)：</translation>
    </message>
    <message>
        <source>Reconnection &amp;policy:</source>
        <translation>重新連線原則(&amp;P)：</translation>
    </message>
    <message>
        <source>Reconnection &amp;time:</source>
        <translation>重新連線時間(&amp;T)：</translation>
    </message>
    <message>
        <source>Longest &amp;wait:</source>
        <translation>最長等待(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>閒置逾時(&amp;I)：</translation>
    </message>
    <message>
        <source>Hea&amp;der timeout:</source>
        <translation>標頭逾時(&amp;D)：</translation>
    </message>
    <message>
        <source>Stop trusting these certificates: the stream verifies its server&apos;s certificate as usual again</source>
        <translation>停止信任這些憑證：串流將恢復照常驗證其伺服器的憑證</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>信任的憑證：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprints of certificates trusted for this stream despite verification errors (Stream ▸ Trust Certificate…)</source>
        <translation>儘管驗證出錯，此串流仍信任之憑證的 SHA-256 指紋（串流 ▸ 信任憑證…）</translation>
    </message>
    <message>
        <source>Already subscribed to %1.</source>
        <translation>已訂閱 %1。</translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <source>Thresholds</source>
        <translation>閾值</translation>
    </message>
    <message>
        <source>At or above each value the tile takes its level; below every step it is OK.</source>
        <translation>達到或高於各值時，圖磚會採用該等級；低於所有級距時為正常。</translation>
    </message>
    <message>
        <source>Add Step</source>
        <translation>新增級距</translation>
    </message>
    <message>
        <source>Step %1: &quot;%2&quot; is not a number.</source>
        <translation>級距 %1：「%2」不是數字。</translation>
    </message>
    <message>
        <source>Step %1: choose a level.</source>
        <translation>級距 %1：請選擇等級。</translation>
    </message>
    <message>
        <source>Step %1: values must be in ascending order.</source>
        <translation>級距 %1：值必須依遞增順序排列。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>嚴重</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>At or above</source>
        <translation>達到或高於</translation>
    </message>
</context>
<context>
    <name>TimeSeriesPanel</name>
    <message>
        <source>Time series (drop fields here)</source>
        <translation>時間序列（將欄位拖放到這裡）</translation>
    </message>
    <message>
        <source>Logarithmic Scale (Left Axis)</source>
        <translation>對數刻度（左軸）</translation>
    </message>
    <message>
        <source>Logarithmic Scale (Right Axis)</source>
        <translation>對數刻度（右軸）</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>數列</translation>
    </message>
    <message>
        <source>On the Right Axis</source>
        <translation>使用右軸</translation>
    </message>
    <message>
        <source>Remove from Panel</source>
        <translation>從面板移除</translation>
    </message>
    <message>
        <source>Event Markers</source>
        <translation>事件標記</translation>
    </message>
    <message>
        <source>No event types other than &quot;message&quot; seen yet</source>
        <translation>尚未看到 &quot;message&quot; 以外的事件類型</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Demo</source>
        <translation>示範</translation>
    </message>
    <message>
        <source>%1 holds no events.</source>
        <translation>%1 中沒有任何事件。</translation>
    </message>
    <message>
        <source>Cannot open the capture %1: %2</source>
        <translation>無法開啟擷取資料 %1：%2</translation>
    </message>
    <message>
        <source>%1 (capture)</source>
        <translation>%1（擷取資料）</translation>
    </message>
    <message>
        <source>The journal %1 could not be completed: %2</source>
        <translation>無法完成日誌檔 %1：%2</translation>
    </message>
    <message>
        <source>Cannot journal to %1: %2</source>
        <translation>無法寫入日誌檔至 %1：%2</translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation>無法建立資料夾</translation>
    </message>
    <message>
        <source>The demo stream was not restored: %1</source>
        <translation>未還原示範串流：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the request body</source>
        <translation>%1：請求本文</translation>
    </message>
    <message>
        <source>%1: the derived series %2 was not restored: %3</source>
        <translation>%1：未還原衍生數列 %2：%3</translation>
    </message>
</context>
<context>
    <name>WorkspaceAlerts</name>
    <message>
        <source>The alert rule %1 was not restored: %2</source>
        <translation>未還原警示規則 %1：%2</translation>
    </message>
    <message>
        <source>The alert rule %1 names a stream the session does not have</source>
        <translation>警示規則 %1 指定了工作階段中沒有的串流</translation>
    </message>
</context>
<context>
    <name>YRangeDialog</name>
    <message>
        <source>Fixed Value Bounds</source>
        <translation>固定數值範圍</translation>
    </message>
    <message>
        <source>Lowest value shown on the value axis</source>
        <translation>數值軸上顯示的最小值</translation>
    </message>
    <message>
        <source>Highest value shown on the value axis</source>
        <translation>數值軸上顯示的最大值</translation>
    </message>
    <message>
        <source>The maximum must be greater than the minimum.</source>
        <translation>最大值必須大於最小值。</translation>
    </message>
    <message>
        <source>Ma&amp;ximum:</source>
        <translation>最大值(&amp;X)：</translation>
    </message>
    <message>
        <source>Mi&amp;nimum:</source>
        <translation>最小值(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>eventscope: no display found (set DISPLAY or WAYLAND_DISPLAY) - the dashboard needs one; without a display use
  eventscope serve --demo                 serve the demo stream at http://127.0.0.1:8080/events
  eventscope record URL... -o out.jsonl   record streams as JSON Lines
</source>
        <translation>eventscope: 找不到顯示器（請設定 DISPLAY 或 WAYLAND_DISPLAY），儀表板需要顯示器；沒有顯示器時可使用
  eventscope serve --demo                 在 http://127.0.0.1:8080/events 提供示範串流
  eventscope record URL... -o out.jsonl   將串流記錄為 JSON Lines
</translation>
    </message>
</context>
</TS>
