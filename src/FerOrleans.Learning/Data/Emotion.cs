namespace FerOrleans.Learning.Data;

/// <summary>The seven basic emotions, numbered as the FER2013 label ids.</summary>
public enum Emotion
{
    Angry = 0,
    Disgust = 1,
    Fear = 2,
    Happy = 3,
    Sad = 4,
    Surprise = 5,
    Neutral = 6,
}
