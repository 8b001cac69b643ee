import type { Language } from '../../../shared/rules.js';

/**
 * The library's starter articles: short, original, written for Kindred. Each ends with where to
 * find help now (safe-messaging guidance: messages about distress always include helplines);
 * the article page shows the reader's own crisis lines under every article as well.
 */
export interface StarterResource {
  title: string;
  language: Language;
  tags: string[];
  markdown: string;
}

const HELP_EN = `## If you need help now

If you are thinking about suicide, or you feel you might not be safe, you do not have to wait and you do not have to cope alone. **[Get help now](/help)** lists the crisis lines in your country that you can call or text, free and at any hour. If you are in immediate danger, call your local emergency number or ask someone near you to help. Your [safety plan](/safety-plan) is there too.`;

const HELP_ES = `## Si necesitas ayuda ahora

Si estás pensando en el suicidio, o sientes que podrías no estar a salvo, no tienes que esperar ni afrontarlo a solas. En **[Ayuda ahora](/help)** están las líneas de crisis de tu país, a las que puedes llamar o escribir gratis y a cualquier hora. Si estás en peligro inmediato, llama al número de emergencias local o pide ayuda a alguien cercano. También tienes tu [plan de seguridad](/safety-plan).`;

export const STARTER_RESOURCES: StarterResource[] = [
  {
    title: 'Small steps: behavioural activation',
    language: 'en',
    tags: ['depression', 'activity', 'self-care'],
    markdown: `Depression tends to say "wait until you feel like it". Behavioural activation turns that around: doing a small thing first, and letting the feeling follow, often later and only a little at a time.

## How to try it

1. **Notice what you have stopped doing.** Things that used to give you a sense of enjoyment, or of getting something done.
2. **Pick one tiny version.** Not "go for a run" but "put my shoes on and stand outside for two minutes". Not "clean the flat" but "wash three cups".
3. **Put it in a time slot.** "After breakfast" works better than "sometime today".
4. **Afterwards, rate it.** How much did you enjoy it, and how much did it feel like an achievement, each from 0 to 10? Low numbers still count.
5. **Build slowly.** Repeat what helped; make it a little bigger when it starts to feel possible.

Some days nothing will feel different. That is expected, not a failure. The aim is to keep the door open, one small step at a time.

${HELP_EN}`,
  },
  {
    title: 'Grounding with 5-4-3-2-1',
    language: 'en',
    tags: ['grounding', 'anxiety', 'coping'],
    markdown: `When thoughts race or feelings flood in, grounding brings your attention back to the present, through your senses. You can do it anywhere, and nobody needs to notice.

## The exercise

Slowly, name to yourself:

- **5** things you can see: the colour of a wall, a shadow, a crack in the pavement.
- **4** things you can feel: your feet on the floor, the chair behind you, the air on your skin.
- **3** things you can hear: traffic, a fridge humming, your own breathing.
- **2** things you can smell, or two smells you like if nothing comes.
- **1** thing you can taste, or one kind thing you can say to yourself.

Take your time. If you lose count, start again; there is no wrong way to do it. Some people add a slow breath between each step.

Grounding does not fix what is hard, but it can make the next few minutes easier to get through.

${HELP_EN}`,
  },
  {
    title: 'Sleep when your mood is low',
    language: 'en',
    tags: ['sleep', 'self-care', 'depression'],
    markdown: `Low mood and sleep pull on each other: depression can bring too little sleep or too much, and poor sleep can make everything heavier. A few gentle habits can help.

## Things that often help

- **A steady wake-up time**, even after a bad night. It anchors the body clock more than bedtime does.
- **Daylight in the morning**, even ten minutes by a window or outside.
- **A wind-down hour**: dimmer lights, screens set aside, something calm and familiar.
- **Bed for sleep.** If you have been awake for what feels like a long while, get up, do something quiet in low light, and go back when sleepy.
- **Go easy on caffeine after midday and on alcohol**, which breaks sleep up later in the night.
- **Short naps only**, early in the afternoon, if you need them.

If sleep problems last for weeks, or you are sleeping most of the day, it is worth talking to a doctor: sleep is something they can help with.

${HELP_EN}`,
  },
  {
    title: 'Reaching out when it is hard to',
    language: 'en',
    tags: ['connection', 'support', 'depression'],
    markdown: `Depression often whispers that you are a burden, or that nobody would want to hear from you. Those thoughts feel true, but they are a symptom, not a fact.

## Ways to make it easier

- **Start small.** A message like "Having a rough week, could do with a chat" is enough. You do not have to explain everything.
- **Choose one person.** Someone who has been kind before, even if you have not spoken in a while.
- **Say what would help**: company, a walk, a distraction, or just someone to listen.
- **Try more than one door.** If a friend cannot reply, a [listener on Kindred](/support), a group, a doctor or a helpline can.
- **Write it down first** if talking feels too much, and send it, or read it out.

It is all right if the first try does not go the way you hoped. Reaching out again is not asking too much.

${HELP_EN}`,
  },
  {
    title: 'How to support someone who is struggling',
    language: 'en',
    tags: ['supporting others', 'connection', 'support'],
    markdown: `You do not need the perfect words to help someone who is having a hard time. Being there, and listening, matters most.

## What helps

- **Ask, kindly and directly.** "You have seemed low lately. How are you really doing?" Then give them time.
- **Listen more than you talk.** Let them finish. You do not have to fix anything.
- **Take them seriously.** Avoid "cheer up" or "others have it worse"; say "That sounds really hard. I am glad you told me."
- **Ask about suicide if you are worried.** Asking someone directly whether they are thinking about suicide does not put the idea in their head, and it can be a relief for them.
- **Help them find support**: a doctor, a counsellor, a group, or a crisis line, and offer to help them make the call.
- **Look after yourself too.** Supporting someone is heavy; you are allowed limits and your own support.

If they tell you they might not be safe, stay with them if you can and contact a crisis line or emergency services together.

${HELP_EN}`,
  },
  {
    title: 'Pasos pequeños: activación conductual',
    language: 'es',
    tags: ['depresión', 'actividad', 'autocuidado'],
    markdown: `La depresión suele decir «espera a tener ganas». La activación conductual le da la vuelta: primero un paso pequeño, y el ánimo llega después, a menudo poco a poco.

## Cómo probarla

1. **Fíjate en lo que has dejado de hacer**: cosas que antes te gustaban o te hacían sentir que avanzabas.
2. **Elige una versión diminuta.** No «salir a correr», sino «ponerme las zapatillas y salir dos minutos». No «limpiar la casa», sino «lavar tres tazas».
3. **Dale un momento concreto**: «después de desayunar» funciona mejor que «en algún momento».
4. **Después, puntúalo**: cuánto lo disfrutaste y cuánto sentiste que lo lograste, de 0 a 10. Los números bajos también cuentan.
5. **Avanza despacio**: repite lo que ayudó y hazlo un poco más grande cuando te parezca posible.

Habrá días en que nada cambie. Es normal, no es un fracaso. Se trata de mantener la puerta abierta, paso a paso.

${HELP_ES}`,
  },
  {
    title: 'Anclarse al presente con 5-4-3-2-1',
    language: 'es',
    tags: ['anclaje', 'ansiedad', 'afrontamiento'],
    markdown: `Cuando los pensamientos se aceleran o las emociones te desbordan, anclarte con los sentidos te devuelve al momento presente. Puedes hacerlo en cualquier lugar sin que nadie lo note.

## El ejercicio

Despacio, nombra para ti:

- **5** cosas que ves.
- **4** cosas que sientes con el cuerpo: los pies en el suelo, la silla, el aire en la piel.
- **3** cosas que oyes.
- **2** cosas que hueles, o dos olores que te gusten.
- **1** cosa que saboreas, o una frase amable para ti.

Tómate tu tiempo. Si pierdes la cuenta, vuelve a empezar; no hay forma incorrecta de hacerlo.

${HELP_ES}`,
  },
  {
    title: 'Dormir cuando el ánimo está bajo',
    language: 'es',
    tags: ['sueño', 'autocuidado', 'depresión'],
    markdown: `El ánimo bajo y el sueño se afectan mutuamente. Algunos hábitos sencillos pueden ayudar:

- **Levántate a la misma hora**, incluso después de una mala noche.
- **Busca luz natural por la mañana**, aunque sean diez minutos.
- **Una hora para bajar el ritmo**: luz tenue, pantallas apartadas, algo tranquilo.
- **Si llevas mucho rato despierto en la cama**, levántate, haz algo tranquilo con poca luz y vuelve cuando tengas sueño.
- **Menos cafeína por la tarde y menos alcohol**, que fragmenta el sueño.

Si los problemas de sueño duran semanas, habla con tu médico: es algo en lo que puede ayudarte.

${HELP_ES}`,
  },
  {
    title: 'Pedir apoyo cuando cuesta',
    language: 'es',
    tags: ['conexión', 'apoyo', 'depresión'],
    markdown: `La depresión a menudo te dice que eres una carga o que nadie quiere saber de ti. Parece verdad, pero es un síntoma, no un hecho.

- **Empieza con poco**: «Estoy teniendo una semana difícil, ¿hablamos?» es suficiente.
- **Elige a una persona** que haya sido amable contigo.
- **Di qué te ayudaría**: compañía, un paseo, distraerte o que te escuchen.
- **Prueba más de una puerta**: si un amigo no responde, puedes acudir a [alguien que escucha en Kindred](/support), a un grupo, a tu médico o a una línea de ayuda.

Si el primer intento no sale como esperabas, volver a intentarlo no es pedir demasiado.

${HELP_ES}`,
  },
  {
    title: 'Cómo acompañar a alguien que lo está pasando mal',
    language: 'es',
    tags: ['acompañar', 'conexión', 'apoyo'],
    markdown: `No necesitas palabras perfectas para ayudar a alguien que lo está pasando mal. Estar y escuchar es lo que más cuenta.

- **Pregunta con cariño y de forma directa**: «Te noto decaído. ¿Cómo estás de verdad?»
- **Escucha más de lo que hablas.** No tienes que arreglar nada.
- **Tómalo en serio**: evita «anímate»; di «Suena muy duro. Me alegra que me lo cuentes».
- **Si te preocupa, pregunta por el suicidio.** Preguntarlo directamente no le mete la idea en la cabeza y puede ser un alivio.
- **Ayúdale a buscar apoyo** profesional o una línea de crisis, y ofrécete a acompañarle.
- **Cuídate tú también**: tienes derecho a tus límites y a tu propio apoyo.

${HELP_ES}`,
  },
];
