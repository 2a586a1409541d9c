/** A mental-health support line of the deployment (CRISIS_HOTLINES), shown in the crisis reply. */
export interface Hotline {
  name: string;
  number: string;
}

/**
 * The reply to a message of self-harm: warm, short, the emergency number 115 always, the deployment's
 * mental-health lines when configured, and the child-protection line 111 only for a member who said they
 * are under 18 (members are adult workers; 111 is a children's line).
 */
export function crisisReply(options: { hotlines: readonly Hotline[]; minor: boolean; outsideHours?: string | null }): string {
  const lines = [
    'Mình rất tiếc khi biết bạn đang phải chịu đựng nhiều như vậy. Bạn không phải một mình đối mặt với chuyện này đâu.',
    'Nếu bạn đang gặp nguy hiểm hoặc có ý định làm hại bản thân, hãy gọi ngay cấp cứu 115, hoặc nhờ một người thân ở bên cạnh bạn lúc này.',
  ];
  if (options.hotlines.length > 0) {
    lines.push(`Bạn cũng có thể gọi để được lắng nghe và hỗ trợ tâm lý: ${options.hotlines.map((h) => `${h.name} ${h.number}`).join('; ')}.`);
  }
  if (options.minor) lines.push('Vì bạn chưa đủ 18 tuổi, bạn có thể gọi Tổng đài quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7).');
  lines.push('Mình đã báo gấp tới cán bộ công đoàn để liên hệ với bạn sớm nhất. Bạn cứ nhắn tiếp cho mình, mình vẫn ở đây.');
  if (options.outsideHours) lines.push(options.outsideHours);
  return lines.join('\n');
}
