/** Where a code went, as a sentence ("We sent a code to a***@e***."). */
export const sentTo = (delivery: { destination: string; deliveryMedium?: string } | null | undefined, what = 'a code'): string =>
  delivery ? `We sent ${what} to ${delivery.destination}${delivery.deliveryMedium === 'SMS' ? ' by text message' : ''}.` : `We sent ${what}.`;
