import type { FacilitatorModuleContent } from './facilitators.training.js';

/**
 * La formación para facilitadores en español (tú). Mismos ids de módulo, pregunta y opción y
 * mismas respuestas correctas que el original en inglés (facilitators.training.ts).
 */
export const FACILITATOR_TRAINING_ES: readonly FacilitatorModuleContent[] = [
  {
    id: 'meeting_format',
    title: 'Cómo es una reunión',
    paragraphs: [
      'Una reunión de Kindred sigue una forma sencilla y conocida, para que todo el mundo sepa qué viene después: llegada, bienvenida, lectura de las pautas, ronda inicial, conversación y cierre. El orden del día queda fijado en la sala, y tú vas moviendo el resaltado a medida que avanzáis.',
      'Llegada: la sala se abre diez minutos antes. Saluda a las personas según llegan y deja que quienes son más callados se acomoden sin presión. Bienvenida: empieza a la hora, di quién eres y recuerda que esto es un grupo de apoyo entre iguales.',
      'Lectura de las pautas: léelas en voz alta, o pide a alguien que lo haga, cada vez. Así todo el mundo recuerda cómo funciona la sala, y luego es más fácil volver a ellas con suavidad.',
      'Ronda inicial: quien quiera dice brevemente cómo está, en una o dos frases. Pasar siempre está bien. Conversación: las personas levantan la mano para compartir y tú das la palabra por turnos. Cierre: unos minutos antes del final, invita a decir unas últimas palabras a quien quiera, da las gracias a todos y termina la reunión.',
      'Un grupo en directo funciona mejor con unas doce personas, para que todo el mundo tenga espacio para hablar. Si la sala está llena, la lista de espera avanza sola cuando alguien cancela.',
      'Eres un igual, no un terapeuta. No diagnosticas, no tratas ni das consejos médicos. Tu tarea es sostener el formato, mantener la sala segura y amable, y procurar que todas las personas que quieran hablar tengan su turno. También puedes compartir tu propia experiencia, como cualquier otra persona.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: '¿Qué viene justo después de la bienvenida?',
        options: [
          { id: 'a', text: 'La conversación.' },
          { id: 'b', text: 'La lectura de las pautas.' },
          { id: 'c', text: 'El cierre.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer el orden de la reunión, al principio de la página.',
      },
      {
        id: 'q2',
        prompt: 'En la ronda inicial, alguien dice que hoy prefiere no hablar. ¿Qué haces?',
        options: [
          { id: 'a', text: 'Le das las gracias y sigues; pasar siempre está bien.' },
          { id: 'b', text: 'Se lo vuelves a pedir hasta que diga algo.' },
          { id: 'c', text: 'Pides al grupo que espere en silencio hasta que esté listo.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer la parte sobre la ronda inicial.',
      },
      {
        id: 'q3',
        prompt: '¿Con cuántas personas, más o menos, funciona mejor un grupo en directo?',
        options: [
          { id: 'a', text: 'Tres o cuatro.' },
          { id: 'b', text: 'Unas doce.' },
          { id: 'c', text: 'Todas las que quieran venir.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre el tamaño de un grupo en directo.',
      },
      {
        id: 'q4',
        prompt: 'Alguien te pregunta si debería cambiar su medicación. ¿Cuál es tu papel?',
        options: [
          { id: 'a', text: 'Darle tu mejor consejo, ya que diriges el grupo.' },
          { id: 'b', text: 'Eres un igual, no un terapeuta: le dices con cariño que es una pregunta para su médico y sigues con el grupo.' },
          { id: 'c', text: 'Pedir al grupo que vote.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre ser un igual.',
      },
    ],
  },
  {
    id: 'safe_and_kind',
    title: 'Una sala segura y amable',
    paragraphs: [
      'Las pautas son lo que hace que una sala se sienta segura: compartir el espacio, hablar en primera persona sobre tu propia experiencia, escuchar sin querer arreglar, nada de detalles sobre métodos de autolesión o suicidio, y lo que se dice en la reunión se queda en la reunión.',
      'La cola de turnos mantiene el reparto justo. Las personas levantan la mano y tú das la palabra a una cada vez, normalmente en el orden en que la levantaron. Puedes poner un temporizador suave para cada intervención, para que todo el mundo tenga su turno. Mientras alguien habla, los demás pueden enviar reacciones breves de apoyo sin interrumpir.',
      'Cuando alguien se aparta de las pautas, empieza por el paso más amable: un recordatorio cordial a toda la sala y, después, unas palabras en privado con esa persona. Si continúa, puedes silenciar a una persona, o a todo el mundo un momento, y puedes sacar de la sala a quien siga haciéndola insegura. Un moderador puede hacer el seguimiento después.',
      'Puedes cerrar la sala con llave una vez empezada la reunión, si las llegadas tardías rompen el ritmo o alguien no deseado vuelve una y otra vez. Quien se quede fuera podrá unirse a la próxima reunión.',
      'Lo que se dice en una reunión se queda ahí. Los mensajes de la sala se borran cuando termina la reunión, y se avisa a todo el mundo al entrar. Nunca copies, cites ni cuentes fuera lo que alguien compartió, ni siquiera para elogiarlo.',
      'Cuídate tú también. Si una reunión ha sido dura, tómate un descanso después y habla con los moderadores si algo se te queda dentro.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Dos personas no dejan de hablar por encima de otra más callada. ¿Cuál es un buen primer paso?',
        options: [
          { id: 'a', text: 'Sacar a las dos de la sala.' },
          { id: 'b', text: 'Un recordatorio cordial a toda la sala sobre compartir el espacio, y dar la palabra con la cola de turnos.' },
          { id: 'c', text: 'No decir nada; ya se arreglará solo.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre empezar por el paso más amable.',
      },
      {
        id: 'q2',
        prompt: '¿Qué pueden hacer los demás mientras alguien tiene la palabra?',
        options: [
          { id: 'a', text: 'Enviar reacciones breves de apoyo.' },
          { id: 'b', text: 'Empezar a compartir a la vez.' },
          { id: 'c', text: 'Nada; tienen que esperar en silencio.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer la parte sobre la cola de turnos.',
      },
      {
        id: 'q3',
        prompt: 'Alguien compartió algo conmovedor. Después, una amiga te pregunta por la reunión. ¿Qué le dices?',
        options: [
          { id: 'a', text: 'Le cuentas la historia sin el nombre de la persona.' },
          { id: 'b', text: 'Nada de lo que nadie compartió: lo que se dice en la reunión se queda ahí.' },
          { id: 'c', text: 'Le enseñas una captura para que vea lo bien que fue.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre lo que se queda en la reunión.',
      },
    ],
  },
  {
    id: 'crisis_handoff',
    title: 'Cuando alguien está en crisis',
    paragraphs: [
      'A veces una persona sufre más de lo que un grupo puede sostener. Algunas señales de riesgo son hablar de querer morir o de no querer estar aquí, sentirse una carga, despedirse, o sonar sin esperanza y aislada. Kindred también revisa cada mensaje y te muestra al momento una alerta de riesgo de tu sala.',
      'Tómatelo en serio y mantén la calma. No tienes que resolverlo, y no deberías afrontarlo a solas ni delante de toda la sala. Reconoce a la persona con cariño y pásala a alguien que pueda dedicarle tiempo a solas.',
      'Pasa a la persona a un oyente: así se abre una solicitud de apoyo con prioridad, para que un oyente formado pueda hablar con ella en privado. Si te preocupa la seguridad de alguien o de la propia sala, pásalo también a un moderador. Puedes hacer ambas cosas sin salir de la sala, y la reunión puede seguir.',
      'Comparte siempre las líneas de crisis: están a un toque en la sala. Si alguien puede estar en peligro ahora mismo, anímale a contactar con los servicios de emergencia o con alguien cercano.',
      'Sigue las pautas de comunicación segura. Nunca preguntes ni permitas detalles sobre métodos o lugares; detén con suavidad esa parte de la conversación y recuerda la pauta a la sala. Usa expresiones como «murió por suicidio», nunca «cometió». No prometas que todo irá bien; escucha, tómalo en serio y señala dónde hay ayuda.',
      'Después, tómate un momento para ti. Un moderador puede hablarlo contigo.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Alguien dice que se siente una carga y que todos estarían mejor sin él. ¿Qué haces?',
        options: [
          { id: 'a', text: 'Pasar rápido a otro tema para que el grupo no se altere.' },
          { id: 'b', text: 'Reconocerle con cariño, pasarle a un oyente y compartir las líneas de crisis.' },
          { id: 'c', text: 'Pedir al grupo ideas para animarle.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer las partes sobre las señales de riesgo y sobre pasar a alguien a otra persona.',
      },
      {
        id: 'q2',
        prompt: '¿Qué pasa cuando pasas a alguien a un oyente?',
        options: [
          { id: 'a', text: 'La reunión tiene que terminar.' },
          { id: 'b', text: 'Se abre una solicitud de apoyo con prioridad, para que un oyente hable con esa persona a solas.' },
          { id: 'c', text: 'La persona queda fuera de Kindred.' },
        ],
        correct: 'b',
        hint: 'Vuelve a leer la parte sobre pasar a alguien a un oyente.',
      },
      {
        id: 'q3',
        prompt: 'Alguien en la sala empieza a describir cómo podría hacerse daño. ¿Qué haces?',
        options: [
          { id: 'a', text: 'Dejar que termine, para que se sienta escuchado.' },
          { id: 'b', text: 'Hacer preguntas para entender los detalles.' },
          { id: 'c', text: 'Detener con suavidad esa parte, recordar la pauta a la sala y pasarle a un apoyo a solas.' },
        ],
        correct: 'c',
        hint: 'Vuelve a leer la parte sobre la comunicación segura.',
      },
      {
        id: 'q4',
        prompt: 'Alguien puede estar en peligro ahora mismo. ¿Qué hay que animarle a hacer?',
        options: [
          { id: 'a', text: 'Contactar con los servicios de emergencia o con alguien cercano.' },
          { id: 'b', text: 'Esperar a que termine la reunión.' },
          { id: 'c', text: 'Enviarte su número de teléfono.' },
        ],
        correct: 'a',
        hint: 'Vuelve a leer la parte sobre las líneas de crisis.',
      },
    ],
  },
];
