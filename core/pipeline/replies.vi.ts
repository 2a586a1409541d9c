import type { Choice } from '../messages/content.js';

/**
 * Every member-facing text the pipeline itself writes (knowledge/ writes the answers). Natural Vietnamese
 * with diacritics; the assistant calls itself "mình" and the member "bạn", as Zalo support staff do.
 */
export const CHOICE_PAYLOADS = {
  handoffAccept: 'handoff:accept',
  handoffDecline: 'handoff:decline',
  askQuestion: 'route:question',
  giveFeedback: 'route:feedback',
  /** The member leaves the officers' queue (or the officer) and talks to the assistant again. */
  backToBot: 'handoff:leave',
} as const;

/** The quick reply under every hand-off message: going back to the assistant is one tap away. */
export const BACK_TO_BOT_CHOICES: Choice[] = [{ title: 'Quay lại trợ lý', payload: CHOICE_PAYLOADS.backToBot }];

export const HANDOFF_OFFER_CHOICES: Choice[] = [
  { title: 'Gặp cán bộ', payload: CHOICE_PAYLOADS.handoffAccept },
  { title: 'Không, cảm ơn', payload: CHOICE_PAYLOADS.handoffDecline },
];

export const CLARIFY_CHOICES: Choice[] = [
  { title: 'Hỏi về quyền lợi', payload: CHOICE_PAYLOADS.askQuestion },
  { title: 'Phản ánh sự việc', payload: CHOICE_PAYLOADS.giveFeedback },
  { title: 'Gặp cán bộ', payload: CHOICE_PAYLOADS.handoffAccept },
];

export const REPLIES_VI = {
  greeting:
    'Chào bạn! Mình là trợ lý của Công đoàn Việt Nam. Bạn có thể hỏi mình về tiền lương, hợp đồng, tăng ca, bảo hiểm xã hội, thai sản, nghỉ việc, quyền lợi đoàn viên… hoặc phản ánh khó khăn ở nơi làm việc. Khi cần, mình sẽ kết nối bạn với cán bộ công đoàn.',
  thanks: 'Không có gì đâu bạn. Khi cần hỏi thêm về quyền lợi hay muốn phản ánh điều gì, bạn cứ nhắn cho mình nhé!',
  goodbye: 'Chào bạn, chúc bạn một ngày làm việc thuận lợi. Khi cần, bạn cứ nhắn lại cho mình nhé!',
  whoAmI:
    'Mình là trợ lý tự động của Công đoàn, trực 24/7. Mình trả lời các câu hỏi về pháp luật lao động (có trích dẫn điều luật), ghi nhận phản ánh của đoàn viên và chuyển cho cán bộ công đoàn khi bạn cần gặp người thật.',
  outOfScope:
    'Xin lỗi bạn, câu này nằm ngoài phạm vi mình hỗ trợ. Mình có thể giúp bạn về tiền lương, hợp đồng, thời giờ làm việc, bảo hiểm xã hội, thai sản, an toàn lao động, quyền lợi đoàn viên hoặc ghi nhận phản ánh ở nơi làm việc.',
  clarify:
    'Mình chưa chắc đã hiểu đúng ý bạn. Bạn có thể nói rõ hơn một chút, hoặc chọn một trong các mục dưới đây:',
  handoffOfferAfterConfusion:
    'Có vẻ mình chưa hiểu được ý bạn. Bạn có muốn mình chuyển cuộc trò chuyện tới cán bộ công đoàn không?',
  handoffDeclined: 'Dạ vâng. Bạn cứ hỏi tiếp, mình luôn sẵn sàng hỗ trợ.',
  backToBot:
    'Dạ, mình đã quay lại trò chuyện cùng bạn; yêu cầu gặp cán bộ đã được hủy. Bạn cứ hỏi tiếp về quyền lợi, hoặc nhắn "gặp cán bộ" khi cần người thật nhé.',
  alreadyWithBot: 'Bạn đang trò chuyện với trợ lý rồi. Bạn cứ hỏi tiếp nhé!',
  askQuestionPrompt: 'Bạn cứ nhập câu hỏi về quyền lợi của mình, càng cụ thể càng tốt nhé (ví dụ: "công ty chậm lương 2 tháng thì em làm gì?").',
  giveFeedbackPrompt: 'Bạn cứ kể sự việc đang gặp phải, mình sẽ ghi nhận và chuyển tới công đoàn cơ sở của bạn.',
  unsupportedContent:
    'Mình đã nhận được tin nhắn của bạn nhưng chưa xem được hình ảnh, tệp hay nhãn dán. Bạn nhắn bằng chữ giúp mình nhé; nếu cần gửi giấy tờ, mình có thể chuyển bạn tới cán bộ công đoàn.',
  knowledgeUnavailable:
    'Xin lỗi bạn, hệ thống tra cứu đang gặp sự cố nên mình chưa trả lời được ngay. Bạn có muốn mình chuyển câu hỏi tới cán bộ công đoàn không?',
  concernOffer:
    'Nếu bạn muốn, cán bộ công đoàn có thể hỗ trợ trực tiếp: hướng dẫn bạn làm đơn, cùng bạn làm việc với công ty hoặc với cơ quan có thẩm quyền. Bạn có muốn gặp cán bộ không?',
  flaggedInstruction:
    'Mình là trợ lý của Công đoàn và chỉ làm theo quy định của hệ thống, không làm theo yêu cầu thay đổi cách hoạt động gửi trong tin nhắn, nên tin nhắn này chưa được ghi nhận là phản ánh. Nếu bạn đang thực sự gặp khó khăn ở nơi làm việc, bạn kể cụ thể sự việc (chuyện gì, từ khi nào) giúp mình nhé; mình sẽ cho bạn biết quyền lợi của mình và kết nối với cán bộ công đoàn khi cần.',
  flaggedSpam:
    'Tin nhắn này có vẻ là quảng cáo nên mình không chuyển tiếp. Mình hỗ trợ các câu hỏi về tiền lương, hợp đồng, bảo hiểm xã hội, thai sản, an toàn lao động, quyền lợi đoàn viên và ghi nhận phản ánh về nơi làm việc.',
} as const;

/** Acknowledgement of a concern, phrased by sentiment; `topicName` comes from TOPIC_NAMES_VI. */
export function feedbackAcknowledgement(sentiment: 'negative' | 'neutral' | 'positive', topicName: string): string {
  if (sentiment === 'positive') {
    return `Cảm ơn bạn đã chia sẻ! Công đoàn ghi nhận ý kiến của bạn về ${topicName}. Những phản hồi tích cực như vậy giúp công đoàn biết việc gì đang làm tốt để tiếp tục phát huy.`;
  }
  if (sentiment === 'negative') {
    return `Cảm ơn bạn đã phản ánh. Mình đã ghi nhận ý kiến của bạn về ${topicName} và chuyển tới công đoàn để theo dõi. Thông tin cá nhân của bạn được giữ kín. Nếu muốn biết quyền lợi của mình trong trường hợp này, bạn cứ hỏi mình nhé.`;
  }
  return `Cảm ơn bạn đã chia sẻ. Mình đã ghi nhận ý kiến của bạn về ${topicName}. Nếu cần hỏi thêm về quyền lợi, bạn cứ nhắn cho mình.`;
}

/**
 * The opening of a composite reply to a complaint: short, kind, and true (the concern is recorded for the union's
 * figures). `subject` is what it is about (a topic's name or a brief's subject); null says it without naming one.
 */
export function concernAcknowledgement(sentiment: 'negative' | 'neutral' | 'positive', subject: string | null): string {
  const about = subject ? ` về ${subject}` : '';
  return sentiment === 'negative'
    ? `Mình rất tiếc về chuyện bạn đang gặp. Mình đã ghi nhận phản ánh của bạn${about} để công đoàn theo dõi; thông tin cá nhân của bạn được giữ kín. Dưới đây là những gì pháp luật quy định để bạn nắm rõ quyền lợi của mình:`
    : `Cảm ơn bạn đã cho mình biết. Mình đã ghi nhận phản ánh của bạn${about}. Dưới đây là những gì pháp luật quy định để bạn nắm rõ quyền lợi của mình:`;
}

export function seriousConcernOffer(topicName: string): string {
  return `Chuyện bạn gặp về ${topicName} là việc nghiêm trọng. Bạn có muốn mình chuyển ngay tới cán bộ công đoàn để được hỗ trợ trực tiếp không?`;
}
