import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { WEBCHAT_MAX_TEXT } from '../../../core/contracts/webchat-limits';
import { LinkedText } from './LinkedText';
import type { WebchatMessage } from '../../../core/contracts/webchat-api';
import { fetchHistory, markUnitCodeSent, sendMessage, sessionId, toBubble, unitCodeToSend, type ChatBubble } from './chat-client';

/** The typing dots never outlive this: a reply that takes longer arrives by the live stream or the poll anyway. */
const TYPING_MAX_MS = 20_000;
const BACK_TO_BOT = { payload: 'handoff:leave', title: 'Quay lại trợ lý' };

const WELCOME: ChatBubble = {
  key: 'welcome',
  seq: 0,
  from: 'bot',
  text: 'Xin chào! Mình là trợ lý của Công đoàn. Bạn cứ hỏi về tiền lương, hợp đồng, tăng ca, bảo hiểm xã hội, thai sản… hoặc kể điều bạn đang gặp ở nơi làm việc nhé.',
};

function sortedBySeq(bubbles: ChatBubble[]): ChatBubble[] {
  return bubbles.sort((a, b) => (a.seq || Number.MAX_SAFE_INTEGER) - (b.seq || Number.MAX_SAFE_INTEGER));
}

/**
 * The stored messages replace the tab's pending copies. A member who has not consented to storage gets their words
 * back blank (not kept): this tab still shows what was typed, in its place; a reload shows only the answers.
 */
function withHistory(current: ChatBubble[], messages: WebchatMessage[]): ChatBubble[] {
  const withheld = messages.filter((m) => m.direction === 'in' && m.text === '');
  const pending = current.filter((b) => b.pending && b.from === 'member');
  const typed: ChatBubble[] = [];
  for (const [index, message] of withheld.entries()) {
    const local = pending[index];
    if (local) typed.push({ key: message.id, seq: message.seq, from: 'member', text: local.text });
  }
  const replaced = new Set(pending.slice(0, typed.length).map((b) => b.key));
  const kept = current.filter((b) => !replaced.has(b.key) && (!b.pending || !messages.some((m) => m.direction === 'in' && m.text === b.text)));
  const byKey = new Map(kept.map((b) => [b.key, b]));
  for (const bubble of [...messages.filter((m) => !withheld.includes(m)).map(toBubble), ...typed]) byKey.set(bubble.key, bubble);
  return sortedBySeq([...byKey.values()]);
}

export function ChatApp() {
  const session = useRef(sessionId()).current;
  const [bubbles, setBubbles] = useState<ChatBubble[]>([]);
  const [text, setText] = useState('');
  const [waiting, setWaiting] = useState(false);
  // While an officer is awaited or answering, the bot does not reply to every message: no typing dots then.
  const [withOfficer, setWithOfficer] = useState(false);
  const lastSeq = useRef(0);
  const listEnd = useRef<HTMLDivElement>(null);

  const merge = useCallback((incoming: ChatBubble[]) => {
    setBubbles((current) => {
      const byKey = new Map(current.map((b) => [b.key, b]));
      for (const bubble of incoming) byKey.set(bubble.key, bubble);
      return sortedBySeq([...byKey.values()]);
    });
  }, []);

  const refresh = useCallback(async () => {
    const { messages, withOfficer: officerMode } = await fetchHistory(session, lastSeq.current);
    setWithOfficer(officerMode);
    if (officerMode) setWaiting(false);
    if (messages.length === 0) return;
    lastSeq.current = Math.max(lastSeq.current, ...messages.map((m) => m.seq));
    setBubbles((current) => withHistory(current, messages));
    if (messages.some((m) => m.direction === 'out')) setWaiting(false);
  }, [session]);

  useEffect(() => {
    void refresh();
    const events = new EventSource(`/api/webchat/events?sessionId=${session}`);
    // A live reply arrives first; the history fetch then gives it its place in order.
    events.addEventListener('message', () => void refresh());
    const poll = setInterval(() => void refresh(), 5000);
    return () => {
      events.close();
      clearInterval(poll);
    };
  }, [refresh, session]);

  useEffect(() => {
    if (!waiting) return;
    const stop = setTimeout(() => setWaiting(false), TYPING_MAX_MS);
    return () => clearTimeout(stop);
  }, [waiting]);

  useEffect(() => {
    // Block body on purpose: newer browsers return a Promise from scrollIntoView, and an effect must not.
    void listEnd.current?.scrollIntoView({ behavior: 'smooth' });
  }, [bubbles, waiting]);

  async function send(body: { text?: string; postback?: { payload: string; title: string } }) {
    const clientMessageId = crypto.randomUUID();
    const shown = body.text ?? body.postback?.title ?? '';
    merge([{ key: clientMessageId, seq: 0, from: 'member', text: shown, pending: true }]);
    setWaiting(!withOfficer || body.postback?.payload === BACK_TO_BOT.payload);
    try {
      const unitCode = unitCodeToSend();
      await sendMessage({ sessionId: session, clientMessageId, ...body, ...(unitCode ? { unitCode } : {}) });
      if (unitCode) markUnitCodeSent(unitCode);
      setTimeout(() => void refresh(), 1500);
    } catch {
      setWaiting(false);
      setBubbles((current) => current.map((b) => (b.key === clientMessageId ? { ...b, pending: false, failed: true } : b)));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    void send({ text: value });
  }

  const all = [WELCOME, ...bubbles];
  const lastBot = [...all].reverse().find((b) => b.from !== 'member');

  return (
    <div className="chat">
      <header className="chat-header">
        <span className="chat-logo">CĐ</span>
        <div>
          <strong>Trợ lý Công đoàn</strong>
          <div className="chat-sub">
            Trực 24/7 · Thông tin được giữ kín ·{' '}
            <a href="/quyen-rieng-tu" target="_blank" rel="noopener noreferrer">
              Quyền riêng tư
            </a>
          </div>
        </div>
      </header>
      <main className="chat-list" aria-live="polite">
        {all.map((bubble) => (
          <div key={bubble.key} className={`bubble ${bubble.from}${bubble.pending ? ' pending' : ''}${bubble.failed ? ' failed' : ''}`}>
            {bubble.from === 'officer' && <div className="bubble-author">Cán bộ công đoàn</div>}
            <div className="bubble-text">
              <LinkedText text={bubble.text} />
            </div>
            {bubble.citations && bubble.citations.length > 0 && (
              <ul className="citations" aria-label="Căn cứ pháp lý">
                {bubble.citations.map((c) => (
                  <li key={c.label}>
                    {c.href ? (
                      <a href={c.href} target="_blank" rel="noopener noreferrer">
                        {c.label}
                      </a>
                    ) : (
                      c.label
                    )}
                  </li>
                ))}
              </ul>
            )}
            {bubble.failed && <div className="bubble-error">Chưa gửi được. Kiểm tra mạng rồi gửi lại.</div>}
            {bubble.choices && bubble === lastBot && (
              <div className="choices">
                {bubble.choices.map((choice) => (
                  <button key={choice.payload} className="choice" onClick={() => void send({ postback: { payload: choice.payload, title: choice.title } })}>
                    {choice.title}
                  </button>
                ))}
              </div>
            )}
          </div>
        ))}
        {waiting && <div className="bubble bot typing" aria-label="Trợ lý đang trả lời"><span /><span /><span /></div>}
        <div ref={listEnd} />
      </main>
      {withOfficer && (
        <div className="chat-officer-bar" role="status">
          <span>Cán bộ công đoàn sẽ trả lời bạn tại đây. Bạn cứ nhắn thêm, tin nhắn được lưu đầy đủ.</span>
          <button className="choice" onClick={() => void send({ postback: BACK_TO_BOT })}>
            {BACK_TO_BOT.title}
          </button>
        </div>
      )}
      <form className="chat-input" onSubmit={submit}>
        <textarea
          aria-label="Tin nhắn"
          placeholder="Nhập câu hỏi của bạn…"
          value={text}
          maxLength={WEBCHAT_MAX_TEXT}
          rows={1}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        <button className="btn" type="submit" disabled={!text.trim()}>
          Gửi
        </button>
      </form>
    </div>
  );
}
