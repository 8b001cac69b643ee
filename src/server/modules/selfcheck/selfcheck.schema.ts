import { Type } from 'typebox';
import { PHQ9_BANDS, SELF_CHECK_KINDS } from '../../../shared/selfcheck.js';

/**
 * The self-check's HTTP shapes (/api/v1/me/self-checks), for validation, serialization and
 * OpenAPI. The web client uses the plain types in shared/selfcheck.ts and bundles no TypeBox.
 */

const AnswerValue = Type.Integer({ minimum: 0, maximum: 3 });

export const KeepSelfCheckBody = Type.Object(
  {
    kind: Type.Enum(SELF_CHECK_KINDS, { errorMessage: 'Please choose the PHQ-9 or the PHQ-2.' }),
    answers: Type.Array(AnswerValue, { minItems: 2, maxItems: 9, errorMessage: 'Please answer every question with one of the choices offered.' }),
    difficulty: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 3 }), Type.Null()], { errorMessage: 'Please choose one of the options offered.' })),
  },
  { additionalProperties: false },
);

export const SelfCheckResult = Type.Object({
  id: Type.String(),
  kind: Type.Enum(SELF_CHECK_KINDS),
  answers: Type.Array(AnswerValue),
  difficulty: Type.Union([Type.Integer(), Type.Null()]),
  total: Type.Integer(),
  band: Type.Union([Type.Enum(PHQ9_BANDS), Type.Null()]),
  item9Positive: Type.Boolean(),
  createdAt: Type.Number(),
});

export const SelfCheckResultEnvelope = Type.Object({ result: SelfCheckResult });
export const SelfCheckResultList = Type.Object({ results: Type.Array(SelfCheckResult) });
export const SelfCheckIdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
