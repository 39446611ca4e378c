import { GatewayException } from '@app/platform';

export class BlobException extends GatewayException {}
