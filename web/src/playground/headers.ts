/** The request-headers editor holds JSON; the helpers edit one header in it and leave the rest as typed. */
export function withHeader(json: string, name: string, value: string | undefined): string {
  let headers: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) headers = parsed as Record<string, unknown>;
  } catch {
    // Unparsable: replaced by a clean object, as the editor would refuse to send it anyway.
  }
  const rest = Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase()));
  return JSON.stringify(value === undefined ? rest : { ...rest, [name]: value }, null, 2);
}

export function headerOf(json: string, name: string): string | undefined {
  try {
    const parsed = JSON.parse(json || '{}') as Record<string, unknown>;
    const found = Object.entries(parsed).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return typeof found?.[1] === 'string' ? found[1] : undefined;
  } catch {
    return undefined;
  }
}
