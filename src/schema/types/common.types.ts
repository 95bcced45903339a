import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

export enum DeliveryMedium {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}
registerEnumType(DeliveryMedium, { name: 'DeliveryMedium', description: 'How a code was sent.' });

@Directive('@aws_api_key')
@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'Where a code was sent, masked so it is safe to show.' })
export class CodeDeliveryDetails {
  @Field({ description: 'The masked address, for example a***@e***.' })
  destination!: string;

  @Field(() => DeliveryMedium)
  deliveryMedium!: DeliveryMedium;

  @Field({ description: 'The attribute the address belongs to: email or phone_number.' })
  attributeName!: string;
}
