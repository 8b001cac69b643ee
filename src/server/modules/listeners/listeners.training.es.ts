import type { TrainingModuleContent } from './listeners.training.js';

/**
 * The listener training in Spanish (neutral, with tú), translated from the English in
 * listeners.training.ts. Module, question and option ids and the right answers are the
 * same as in English, so a quiz is checked the same way in either language; a test keeps
 * them in step. Safe messaging applies here as everywhere: no methods, no places.
 */
export const TRAINING_ES: readonly TrainingModuleContent[] = [
  {
    id: 'active_listening',
    title: 'Escucha activa',
    paragraphs: [
      'Cuando una persona pide apoyo en Kindred, casi nunca busca respuestas. Lo que quiere es que alguien la escuche sin prisa. Escuchar bien es todo el trabajo, y es más difícil y más valioso de lo que parece.',
      'Préstale toda tu atención. Lee cada mensaje con calma, hasta el final, antes de pensar en tu respuesta. Deja que haya pausas: a quien está sufriendo puede costarle un rato encontrar las siguientes palabras, y un silencio en la pantalla no significa que lo estés haciendo mal.',
      'Refleja lo que escuchas, con tus propias palabras: «Parece que esta semana ha sido agotadora y que sientes que nadie se da cuenta». Así muestras que entendiste, y la otra persona puede corregirte si no fue así.',
      'Haz preguntas abiertas, de las que no se responden con un sí o un no: «¿Cómo ha sido tu día?» o «¿Qué es lo que más te pesa ahora mismo?». Haz una a la vez, y sigue el camino que la otra persona abra en lugar de llevar la conversación hacia un tema que elegiste tú.',
      'Resiste las ganas de arreglar las cosas. Los consejos, las historias sobre ti y las soluciones rápidas pueden hacer que la persona sienta que la apuras o que no la escuchas. Si te pregunta qué piensas, puedes compartirlo con delicadeza, pero que la conversación siga girando en torno a ella.',
      'Nombra los sentimientos sin juzgarlos. «Eso suena a mucha soledad» muchas veces vale más que cualquier sugerencia. No necesitas entenderlo todo; solo necesitas seguir con curiosidad y con amabilidad.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Un miembro escribe un mensaje largo y luego se queda en silencio. ¿Qué ayuda más?',
        options: [
          { id: 'a', text: 'Enviar varios mensajes para llenar el silencio.' },
          { id: 'b', text: 'Leer su mensaje hasta el final y darle tiempo; las pausas están bien.' },
          { id: 'c', text: 'Cambiar de tema a algo más ligero.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre prestar toda tu atención y las pausas.',
      },
      {
        id: 'q2',
        prompt: '¿Cuál de estas es una pregunta abierta?',
        options: [
          { id: 'a', text: '«¿Estás bien?»' },
          { id: 'b', text: '«¿Dormiste anoche?»' },
          { id: 'c', text: '«¿Cómo ha sido tu día?»' },
        ],
        correct: 'c',
        hint: 'Vuelve a leer la parte sobre las preguntas abiertas.',
      },
      {
        id: 'q3',
        prompt: '¿Qué significa reflejar lo que escuchas?',
        options: [
          { id: 'a', text: 'Decir con tus propias palabras lo que escuchaste, para que la otra persona te diga si entendiste bien.' },
          { id: 'b', text: 'Contarle una vez en que te pasó lo mismo.' },
          { id: 'c', text: 'Repetir su último mensaje palabra por palabra.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer la parte sobre reflejar lo que escuchas.',
      },
      {
        id: 'q4',
        prompt: 'Un miembro te cuenta que ha tenido una semana muy dolorosa. ¿Cuál suele ser la mejor primera respuesta?',
        options: [
          { id: 'a', text: 'Una lista de cosas que podrían solucionarlo.' },
          { id: 'b', text: 'Nombrar el sentimiento: «Eso suena muy duro».' },
          { id: 'c', text: 'Recordarle que hay gente que está peor.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer las partes sobre no apresurarte a arreglar las cosas y nombrar los sentimientos.',
      },
    ],
  },
  {
    id: 'replying_with_care',
    title: 'Responder con cuidado',
    paragraphs: [
      'La guía de Kindred para responder con cuidado nos pide responder a la persona, con amabilidad, como lo haríamos cara a cara. Algunas costumbres que parecen útiles pueden sentirse muy distinto para alguien que está pasando por un mal momento.',
      'No minimices. «No es para tanto», «todo el mundo se siente así» o «por lo menos tienes trabajo» le dicen a la persona que su dolor es demasiado pequeño para importar. Aunque se diga con buena intención, le cierra la puerta.',
      'Evita la positividad tóxica. «Solo piensa en positivo», «todo pasa por algo» o prometer que «ya verás que todo mejora» pueden sonar a que le pides que se anime para tu tranquilidad. La esperanza es bienvenida cuando es honesta y delicada: «Me alegra que me lo hayas contado, y aquí estoy contigo ahora».',
      'Nada de mano dura. Hablar con brusquedad, regañar o «poner a alguien los pies en la tierra» puede herir a quien ya está sufriendo. Ser firme en lo que toca a la seguridad está bien; la dureza, no.',
      'Antes que nada, valida: «Tiene sentido, con todo lo que estás cargando». Validar no es estar de acuerdo con cada pensamiento; es reconocer que el sentimiento es real.',
      'Cuando encaje, señala con suavidad dónde hay ayuda: las salas de los grupos, el foro «Esperan respuesta», su propio plan de seguridad o una línea de crisis si no se siente a salvo. Ofrece, no presiones.',
      'Si no sabes bien cómo va a sonar una frase, reléela como si fueras tú quien está sufriendo. Casi siempre es mejor más corta y más cálida.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: '¿Qué respuesta minimiza lo que siente el miembro?',
        options: [
          { id: 'a', text: '«Eso suena muy difícil. Me alegra que me lo hayas contado».' },
          { id: 'b', text: '«La verdad, todo el mundo se siente así a veces. No es para tanto».' },
          { id: 'c', text: '«¿Qué ha sido lo más difícil?»' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre no minimizar.',
      },
      {
        id: 'q2',
        prompt: 'Un miembro dice que ya no tiene esperanza. ¿Qué respuesta es amable y honesta?',
        options: [
          { id: 'a', text: '«¡Solo piensa en positivo y todo va a salir bien!»' },
          { id: 'b', text: '«Todo pasa por algo».' },
          { id: 'c', text: '«Eso suena agotador. Estoy aquí contigo ahora, y me gustaría que me contaras más».' },
        ],
        correct: 'c',
        hint: 'Vuelve a leer la parte sobre la positividad tóxica y la esperanza honesta.',
      },
      {
        id: 'q3',
        prompt: '¿Qué es la «mano dura» en un chat de apoyo?',
        options: [
          { id: 'a', text: 'Algo que hay que evitar: hablar con brusquedad o dureza para empujar a alguien a cambiar.' },
          { id: 'b', text: 'Una forma útil de motivar a alguien que no logra avanzar.' },
          { id: 'c', text: 'Lo mismo que ser firme en lo que toca a la seguridad.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer la parte sobre la mano dura.',
      },
    ],
  },
  {
    id: 'boundaries',
    title: 'Límites',
    paragraphs: [
      'Los buenos límites te protegen a ti y a la otra persona. No son frialdad: son lo que te permite seguir estando ahí.',
      'Mantén la conversación en Kindred. Nunca compartas ni pidas números de teléfono, correos electrónicos o usuarios de redes sociales, y nunca digas «escríbeme por privado» ni propongas verse en otro lugar. Dentro de Kindred, la conversación tiene cerca las herramientas de seguridad, a los moderadores y los recursos de crisis; fuera, ninguno de los dos tendría ese apoyo. Si un miembro te pide tu número, puedes decirle: «Prefiero que sigamos hablando aquí, donde la ayuda está cerca». Kindred puede retener para revisión los mensajes que ofrecen contacto fuera de la plataforma.',
      'Eres un igual, no un terapeuta. Aportas tu tiempo, tu atención y tu propia experiencia de los días difíciles. No haces diagnósticos, no das consejos médicos ni le dices a nadie qué hacer con su medicación o su tratamiento. Está bien decir: «Eso suena a algo en lo que un médico te podría ayudar».',
      'Conoce tus límites. Elige cuántas conversaciones puedes llevar a la vez (una es un buen comienzo). Si una conversación te remueve algo doloroso, está bien decirlo con amabilidad y llamar a un moderador.',
      'Tómate descansos. Escuchar el dolor cansa, incluso cuando la conversación va bien. Usa «Necesito un descanso», termina tu turno cuando hayas acabado y habla de lo vivido en la sala de las personas de escucha. Kindred te lo recordará cuando lleves mucho tiempo de turno; por favor, hazle caso.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Un miembro con quien has estado hablando te pide tu número de teléfono. ¿Qué haces?',
        options: [
          { id: 'a', text: 'Dárselo, porque confía en ti.' },
          { id: 'b', text: 'Con amabilidad, mantener la conversación en Kindred, donde la ayuda está cerca.' },
          { id: 'c', text: 'Darle tu usuario de redes sociales en su lugar.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre mantener la conversación en Kindred.',
      },
      {
        id: 'q2',
        prompt: 'Un miembro te pregunta si debería dejar de tomar su medicación. ¿Qué corresponde a tu papel?',
        options: [
          { id: 'a', text: 'Decirle qué harías tú en su lugar.' },
          { id: 'b', text: 'Sugerirle una dosis que a un amigo le funcionó.' },
          { id: 'c', text: 'Escuchar, y decirle con suavidad que es algo para hablar con un médico.' },
        ],
        correct: 'c',
        hint: 'Vuelve a leer la parte sobre ser un igual, no un terapeuta.',
      },
      {
        id: 'q3',
        prompt: 'Llevas mucho tiempo de turno y te sientes sin energía. ¿Qué es lo correcto?',
        options: [
          { id: 'a', text: 'Tomarte un descanso o terminar tu turno; descansar es parte de escuchar bien.' },
          { id: 'b', text: 'Seguir, porque alguien podría necesitarte.' },
          { id: 'c', text: 'Aceptar más conversaciones para terminar antes.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer las partes sobre conocer tus límites y tomarte descansos.',
      },
      {
        id: 'q4',
        prompt: '¿Qué mensaje retendría Kindred para que lo revise un moderador?',
        options: [
          { id: 'a', text: '«Aquí estoy todo el tiempo que necesites esta noche».' },
          { id: 'b', text: '«Escríbeme por privado en otra app y hablamos allí».' },
          { id: 'c', text: '«¿Te ayudaría que miráramos juntos tu plan de seguridad?»' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre mantener la conversación en Kindred.',
      },
    ],
  },
  {
    id: 'crisis',
    title: 'Qué hacer en una crisis',
    paragraphs: [
      'A veces un miembro te cuenta que está pensando en el suicidio o en hacerse daño. Puede dar miedo. No tienes que resolverlo tú, y no lo cargas a solas.',
      'Quédate. Nunca termines un chat porque se mencionó el suicidio. Irte puede sentirse como la prueba de que nadie soporta escucharlo. Agradécele que te lo haya contado.',
      'Pregunta por su seguridad de forma directa y con calma: «¿Estás pensando en quitarte la vida?» y «¿Estás a salvo ahora mismo?». Preguntar no le mete la idea en la cabeza a nadie; le muestra que puedes escuchar la respuesta.',
      'Comparte la tarjeta de líneas de crisis de su país, con un solo clic en el chat. Si está en peligro inmediato, insístele en que contacte ahora mismo con los servicios de emergencia o con alguien que tenga cerca.',
      'Llama a un moderador. Puede unirse al chat y apoyarlos a los dos. Puede que las revisiones de seguridad de Kindred ya le hayan avisado; aun así, pedirle que venga es lo correcto.',
      'Nunca hables de métodos ni de lugares, y nunca compartas detalles sobre ellos, ni siquiera para advertir.',
      'Cuida tus palabras. Di «murió por suicidio» o «se quitó la vida», nunca «cometió suicidio», «suicidio exitoso» o «intento fallido»: esas palabras cargan culpa y vergüenza.',
      'Después, cuídate. Tómate un descanso y habla de lo que pasó en la sala de las personas de escucha.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Un miembro te dice que ha estado pensando en quitarse la vida. ¿Qué haces primero?',
        options: [
          { id: 'a', text: 'Terminar el chat y decirle que llame a una línea de ayuda.' },
          { id: 'b', text: 'Quedarte, agradecerle que te lo haya contado y preguntarle con calma si está a salvo ahora mismo.' },
          { id: 'c', text: 'Cambiar de tema a algo esperanzador.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer las partes sobre quedarte y preguntar de forma directa.',
      },
      {
        id: 'q2',
        prompt: '¿Cuál de estas cosas corresponde hacer en una crisis?',
        options: [
          { id: 'a', text: 'Compartir la tarjeta de líneas de crisis y llamar a un moderador.' },
          { id: 'b', text: 'Pasar la conversación a tu teléfono para poder contactarle más rápido.' },
          { id: 'c', text: 'Prometerle que no se lo contarás a los moderadores.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer las partes sobre la tarjeta de líneas de crisis y los moderadores.',
      },
      {
        id: 'q3',
        prompt: '¿Qué palabras son las adecuadas para hablar de alguien que murió de esta forma?',
        options: [
          { id: 'a', text: '«Cometió suicidio».' },
          { id: 'b', text: '«Su intento fue exitoso».' },
          { id: 'c', text: '«Murió por suicidio».' },
        ],
        correct: 'c',
        hint: 'Vuelve a leer la parte sobre cuidar tus palabras.',
      },
      {
        id: 'q4',
        prompt: 'Preguntar «¿Estás pensando en quitarte la vida?», ¿empeora las cosas?',
        options: [
          { id: 'a', text: 'Sí, le mete la idea en la cabeza; es mejor evitarlo.' },
          { id: 'b', text: 'No; preguntar de forma directa y con calma le muestra que puedes escuchar la respuesta.' },
          { id: 'c', text: 'Solo los moderadores pueden preguntarlo.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre preguntar de forma directa y con calma.',
      },
    ],
  },
];
