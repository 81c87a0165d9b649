// URL.origin is "null" for custom schemes (earmark://) and for data: or file: URLs, so comparing
// it would treat every one of them as equal. Compare scheme + host instead.
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw)
    return `${url.protocol}//${url.host}`
  } catch {
    return null
  }
}
