import type { TrainingModuleId } from '../../../shared/listeners.js';
import { trainingCatalogue, type LocalizedTraining as GenericLocalized, type TrainingModuleContent as GenericModule, type TrainingQuestion as GenericQuestion } from '../training/training.js';
import { TRAINING_ES } from './listeners.training.es.js';

/**
 * The listener training, kept on the server so the right answers never reach a browser.
 * Written in English (below) and translated into Spanish (listeners.training.es.ts); every
 * translation keeps the same module, question and option ids and the same right answers,
 * so a quiz is checked by ids whatever language it was read in. A language without a
 * translation gets the English text, and says so (`language`), so the client can add a note.
 * Each question names the part of the page to read again.
 */
export type TrainingQuestion = GenericQuestion;
export type TrainingModuleContent = GenericModule<TrainingModuleId>;

/** The training in English: the original every translation follows. */
export const TRAINING: readonly TrainingModuleContent[] = [
  {
    id: 'active_listening',
    title: 'Active listening',
    paragraphs: [
      'When someone reaches out on Kindred, they are usually not looking for answers. They want to be heard by a person who is in no hurry. Listening well is the whole of the job, and it is harder and kinder than it sounds.',
      'Give them your full attention. Read every message slowly, to the end, before you think about your reply. Let there be pauses: a person who is hurting may need a while to find the next words, and silence on a screen is not a sign that you have failed.',
      'Reflect back what you hear, in your own words: “It sounds like this week has been exhausting, and you feel nobody notices.” This shows that you understood, and lets them correct you if you did not.',
      'Ask open questions, the kind that cannot be answered with yes or no: “What has today been like?” or “What feels heaviest right now?” Ask one at a time, and follow where they lead rather than steering towards a topic you chose.',
      'Resist the pull to fix things. Advice, stories about yourself and quick solutions can make a person feel rushed or unheard. If they ask what you think, you can share gently, but keep the chat about them.',
      'Name feelings without judging them. “That sounds lonely” is often worth more than any suggestion. You do not need to understand everything; you only need to stay curious and kind.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'A member writes a long message and then goes quiet. What helps most?',
        options: [
          { id: 'a', text: 'Send several messages to fill the silence.' },
          { id: 'b', text: 'Read their message to the end and give them time; pauses are fine.' },
          { id: 'c', text: 'Change the subject to something lighter.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about full attention and pauses.',
      },
      {
        id: 'q2',
        prompt: 'Which of these is an open question?',
        options: [
          { id: 'a', text: '“Are you okay?”' },
          { id: 'b', text: '“Did you sleep last night?”' },
          { id: 'c', text: '“What has today been like for you?”' },
        ],
        correct: 'c',
        hint: 'Have another look at the part about open questions.',
      },
      {
        id: 'q3',
        prompt: 'What does reflecting back mean?',
        options: [
          { id: 'a', text: 'Saying in your own words what you heard, so they can tell you if you understood.' },
          { id: 'b', text: 'Telling them about a time the same thing happened to you.' },
          { id: 'c', text: 'Repeating their last message word for word.' },
        ],
        correct: 'a',
        hint: 'Have another look at the part about reflecting back what you hear.',
      },
      {
        id: 'q4',
        prompt: 'A member describes a painful week. What is usually the best first reply?',
        options: [
          { id: 'a', text: 'A list of things that might fix it.' },
          { id: 'b', text: 'Naming the feeling: “That sounds really heavy.”' },
          { id: 'c', text: 'Reminding them that others have it worse.' },
        ],
        correct: 'b',
        hint: 'Have another look at the parts about not rushing to fix things and naming feelings.',
      },
    ],
  },
  {
    id: 'replying_with_care',
    title: 'Replying with care',
    paragraphs: [
      'Kindred’s reply-with-care guidance asks us to answer the person, kindly, as we would face to face. A few habits that feel helpful can land very differently on someone who is low.',
      'Do not minimise. “It’s not that bad”, “everyone feels like that” or “at least you have a job” tell a person that their pain is too small to count. Even when meant well, it closes the door.',
      'Avoid toxic positivity. “Just think positive”, “everything happens for a reason” or promising “it gets better” can feel like being asked to cheer up for your sake. Hope is welcome when it is honest and gentle: “I’m glad you told me, and I’m here with you now.”',
      'No tough love. Being blunt, scolding or “giving a reality check” can hurt someone who is already hurting. Firmness about safety is fine; harshness is not.',
      'Validate before anything else: “That makes sense, given everything you’re carrying.” Validation is not agreeing with every thought; it is saying the feeling is real.',
      'Point gently to help when it fits: the group rooms, the “Needs a reply” forum, their own safety plan, or a crisis line if things feel unsafe. Offer, do not push.',
      'If you are unsure how a sentence will land, read it back as if you were the one in pain. Shorter and warmer is usually better.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Which reply minimises what the member feels?',
        options: [
          { id: 'a', text: '“That sounds so hard. I’m glad you told me.”' },
          { id: 'b', text: '“Honestly, everyone feels like that sometimes. It’s not that bad.”' },
          { id: 'c', text: '“What has been the hardest part?”' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about not minimising.',
      },
      {
        id: 'q2',
        prompt: 'A member says they feel hopeless. Which reply is kind and honest?',
        options: [
          { id: 'a', text: '“Just think positive and it will all work out!”' },
          { id: 'b', text: '“Everything happens for a reason.”' },
          { id: 'c', text: '“That sounds exhausting. I’m here with you now, and I’d like to hear more.”' },
        ],
        correct: 'c',
        hint: 'Have another look at the part about toxic positivity and honest hope.',
      },
      {
        id: 'q3',
        prompt: 'What is “tough love” in a support chat?',
        options: [
          { id: 'a', text: 'Something to avoid: being blunt or harsh to push someone to change.' },
          { id: 'b', text: 'A helpful way to motivate someone who is stuck.' },
          { id: 'c', text: 'The same as being clear about safety.' },
        ],
        correct: 'a',
        hint: 'Have another look at the part about tough love.',
      },
    ],
  },
  {
    id: 'boundaries',
    title: 'Boundaries',
    paragraphs: [
      'Good boundaries keep both of you safe. They are not coldness; they are what lets you keep showing up.',
      'Keep it in Kindred. Never share or ask for phone numbers, email addresses or social-media handles, and never say “DM me” or suggest meeting elsewhere. Conversations inside Kindred have the safety tools, the moderators and the crisis resources around them; outside, you would both be on your own. If a member asks for your number, you can say: “I’d like to keep talking here, where help is close by.” Kindred may hold messages that offer contact outside it.',
      'You are a peer, not a therapist. You bring your time, your attention and your own experience of hard days. You do not diagnose, give medical advice or tell someone what to do about medication or treatment. It is fine to say, “That sounds like something a doctor could help with.”',
      'Know your limits. Choose how many chats you can hold at once (one is a good start). If a chat brings up something painful for you, it is okay to say so kindly and bring in a moderator.',
      'Take breaks. Listening to pain is tiring, even when it goes well. Use “I need a break”, go off duty when you are done, and use the listeners’ debrief space. Kindred will remind you after a long stretch on duty; please listen to it.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'A member you have been talking with asks for your phone number. What do you do?',
        options: [
          { id: 'a', text: 'Share it, since they trust you.' },
          { id: 'b', text: 'Kindly keep the conversation in Kindred, where help is close by.' },
          { id: 'c', text: 'Give them your social-media handle instead.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about keeping it in Kindred.',
      },
      {
        id: 'q2',
        prompt: 'A member asks whether they should stop taking their medication. What fits your role?',
        options: [
          { id: 'a', text: 'Tell them what you would do in their place.' },
          { id: 'b', text: 'Suggest a dose that worked for a friend.' },
          { id: 'c', text: 'Listen, and gently say it is something to talk over with a doctor.' },
        ],
        correct: 'c',
        hint: 'Have another look at the part about being a peer, not a therapist.',
      },
      {
        id: 'q3',
        prompt: 'You have been on duty for a long time and feel drained. What is right?',
        options: [
          { id: 'a', text: 'Take a break or go off duty; resting is part of listening well.' },
          { id: 'b', text: 'Keep going, since someone might need you.' },
          { id: 'c', text: 'Take on more chats to finish sooner.' },
        ],
        correct: 'a',
        hint: 'Have another look at the parts about limits and breaks.',
      },
      {
        id: 'q4',
        prompt: 'Which message would Kindred hold for a moderator to look at?',
        options: [
          { id: 'a', text: '“I’m here for as long as you need tonight.”' },
          { id: 'b', text: '“DM me on another app and we can talk there.”' },
          { id: 'c', text: '“Would it help to look at your safety plan together?”' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about keeping it in Kindred.',
      },
    ],
  },
  {
    id: 'crisis',
    title: 'What to do in a crisis',
    paragraphs: [
      'Sometimes a member tells you they are thinking about suicide or about hurting themselves. It can feel frightening. You do not have to fix it, and you are not alone with it.',
      'Stay. Never end a chat because suicide was mentioned. Leaving can feel like proof that nobody can bear to hear it. Thank them for telling you.',
      'Ask directly and calmly about safety: “Are you thinking about ending your life?” and “Are you safe right now?” Asking does not put the idea in someone’s head; it shows you can hear the answer.',
      'Share the crisis-lines card for their country, with one click in the chat. If they are in immediate danger, urge them to contact emergency services or someone near them now.',
      'Bring in a moderator. They can join the chat and support you both. Kindred’s safety checks may already have alerted them; asking is still right.',
      'Never discuss methods or places, and never share details about them, even to warn.',
      'Mind your words. Say “died by suicide” or “ended their life”, never “committed suicide”, “successful” or “failed attempt”: those words carry blame and shame.',
      'Afterwards, look after yourself. Take a break, and talk it through in the listeners’ debrief space.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'A member says they have been thinking about ending their life. What do you do first?',
        options: [
          { id: 'a', text: 'End the chat and tell them to call a helpline.' },
          { id: 'b', text: 'Stay, thank them for telling you, and ask calmly whether they are safe right now.' },
          { id: 'c', text: 'Change the subject to something hopeful.' },
        ],
        correct: 'b',
        hint: 'Have another look at the parts about staying and asking directly.',
      },
      {
        id: 'q2',
        prompt: 'Which of these belongs in a crisis?',
        options: [
          { id: 'a', text: 'Sharing the crisis-lines card and bringing in a moderator.' },
          { id: 'b', text: 'Moving the conversation to your phone so you can reach them faster.' },
          { id: 'c', text: 'Promising to keep it secret from the moderators.' },
        ],
        correct: 'a',
        hint: 'Have another look at the parts about the crisis-lines card and moderators.',
      },
      {
        id: 'q3',
        prompt: 'Which words are right when talking about someone who died this way?',
        options: [
          { id: 'a', text: '“They committed suicide.”' },
          { id: 'b', text: '“Their attempt was successful.”' },
          { id: 'c', text: '“They died by suicide.”' },
        ],
        correct: 'c',
        hint: 'Have another look at the part about minding your words.',
      },
      {
        id: 'q4',
        prompt: 'Does asking “Are you thinking about ending your life?” make things worse?',
        options: [
          { id: 'a', text: 'Yes, it puts the idea in their head; avoid it.' },
          { id: 'b', text: 'No; asking directly and calmly shows you can hear the answer.' },
          { id: 'c', text: 'Only moderators may ask it.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about asking directly and calmly.',
      },
    ],
  },
];

/** The training in each language it is written in; English is the original. */
const catalogue = trainingCatalogue<TrainingModuleId>(TRAINING, { es: TRAINING_ES });

/** The training as a member reads it, and the language it is actually in. */
export type LocalizedTraining = GenericLocalized<TrainingModuleId>;

/** The whole training in `language`, or in English when it has not been translated into it. */
export const trainingFor = catalogue.trainingFor;

/** One module in `language` (English when not translated), with the language it is in. */
export const trainingModule = catalogue.trainingModule;
